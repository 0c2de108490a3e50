// Compiles the server (never the web console) only when a source is newer than its build in dist/.
// Used before `npm run token`, `seed` and `migration:*`: a rebuild under a running service rewrites
// its dist/, and an unchanged tree needs none.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'migrations', 'bench'];
const STAMP = 'dist/.server-built';
const CONFIG = ['tsconfig.json', 'tsconfig.build.json'];

/** Modification times of the files under `dir` whose name passes `keep`. */
function mtimes(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return mtimes(path, keep);
    return keep(entry.name) ? [statSync(path).mtimeMs] : [];
  });
}

export function isStale(root = process.cwd()) {
  const sources = [
    ...SOURCES.flatMap((dir) => mtimes(join(root, dir), (name) => name.endsWith('.ts') || name.endsWith('.json'))),
    ...CONFIG.filter((file) => existsSync(join(root, file))).map((file) => statSync(join(root, file)).mtimeMs),
  ];
  // The newest compiled file (tsc is incremental: it rewrites only what changed), or the stamp this
  // script leaves after a build that had nothing to emit. Not the oldest: a moved source leaves
  // its old output behind, which no build replaces.
  const built = SOURCES.flatMap((dir) => mtimes(join(root, 'dist', dir), (name) => name.endsWith('.js')));
  if (existsSync(join(root, STAMP))) built.push(statSync(join(root, STAMP)).mtimeMs);
  if (built.length === 0 || !existsSync(join(root, 'dist/src/main.js'))) return true;
  return Math.max(...sources) > Math.max(...built);
}

// `--check` only answers: exit 0 when dist/ is current, 10 when a build is due.
if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) process.exit(isStale() ? 10 : 0);
  if (isStale()) {
    process.stderr.write('sources newer than dist/: compiling the server (tsc -p tsconfig.build.json)\n');
    const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    if (result.status === 0) writeFileSync(STAMP, `${new Date().toISOString()}\n`);
    process.exit(result.status ?? 1);
  }
}
