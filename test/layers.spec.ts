import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The layer rule of README "Layout and choices": every folder of src/ imports only from the
 * folders listed for it (its own always). Capabilities depend downward only:
 * network <- placement <- referral <- flows, on auth, database, audit, common and config.
 * A lower layer that must react to a higher one exposes a port the higher one registers into
 * (placement/claim-lifecycle.ts, network/place-locks.ts onLapsedHold, common/context-loaders.ts).
 */
const BASE = ['config', 'common', 'audit', 'database', 'auth'];
export const ALLOWED: Record<string, string[]> = {
  config: [],
  common: ['config'],
  audit: ['config', 'common'],
  database: ['config', 'common', 'audit', 'migrations'],
  // The per-principal rate limits count refusals in the metrics registry.
  auth: ['config', 'common', 'audit', 'observability'],
  network: [...BASE],
  placement: [...BASE, 'network'],
  referral: [...BASE, 'network', 'placement'],
  flows: [...BASE, 'network', 'placement', 'referral'],
  observability: ['config', 'common', 'database'],
  console: ['config', 'common', 'auth'],
  // Start-up, wiring (src/*.ts) and the command-line scripts see everything.
  scripts: ['*'],
  wiring: ['*'],
};
const CAPABILITIES = ['network', 'placement', 'referral', 'flows'];

const root = process.cwd();
const src = join(root, 'src');

function layerOf(file: string): string {
  const path = relative(src, file);
  if (path.startsWith('..')) return relative(root, file).split(/[\\/]/)[0];
  const parts = path.split(/[\\/]/);
  return parts.length === 1 ? 'wiring' : parts[0];
}

export function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  const rule = ALLOWED[from];
  return !!rule && (rule.includes('*') || rule.includes(to));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file, type-only and dynamic ones included, as resolved paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((i) => i.fileName).filter((name) => name.startsWith('.')).map((name) => resolve(dirname(file), name));
}

const edges = sourceFiles(src).flatMap((file) => importsOf(file).map((target) => ({ file, target })));

describe('layers: imports run only downward', () => {
  it('finds the imports it checks (the scan itself works)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => layerOf(e.file) === 'referral' && layerOf(e.target) === 'placement')).toBe(true);
  });

  it('gives every folder of src/ a rule', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.filter((folder) => !(folder in ALLOWED))).toEqual([]);
  });

  it('orders the capabilities: each may use the ones below it and none above', () => {
    for (const [i, lower] of CAPABILITIES.entries()) {
      for (const higher of CAPABILITIES.slice(i + 1)) {
        expect([higher, lower, allowed(higher, lower)]).toEqual([higher, lower, true]);
        expect([lower, higher, allowed(lower, higher)]).toEqual([lower, higher, false]);
      }
      for (const base of BASE) {
        expect([lower, base, allowed(lower, base)]).toEqual([lower, base, true]);
        expect([base, lower, allowed(base, lower)]).toEqual([base, lower, false]);
      }
    }
    expect(allowed('database', 'network')).toBe(false);
    expect(allowed('common', 'auth')).toBe(false);
  });

  it('has no import against the order in src/', () => {
    const violations = edges
      .filter(({ file, target }) => !allowed(layerOf(file), layerOf(target)))
      .map(({ file, target }) => `${relative(root, file)} -> ${relative(root, target)}`);
    expect(violations).toEqual([]);
  });
});
