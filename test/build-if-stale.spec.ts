import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const script = resolve('tools/build-if-stale.mjs');

/** 0: dist/ is current; 10: a build is due (the script's --check answer). */
function check(root: string): number | null {
  return spawnSync(process.execPath, [script, '--check'], { cwd: root }).status;
}

function file(root: string, path: string, secondsAgo: number): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '//\n');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, when, when);
}

describe('npm run token / seed / migration:* build only when the sources changed', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'stale-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is no dist/', () => {
    file(root, 'src/main.ts', 100);
    expect(check(root)).toBe(10);
  });

  it('needs none when dist/ is newer than every source, whatever the web console does', () => {
    file(root, 'src/main.ts', 100);
    file(root, 'migrations/index.ts', 100);
    file(root, 'web/src/App.tsx', 1);
    file(root, 'dist/src/main.js', 50);
    file(root, 'dist/src/network/moved-away.js', 5000);
    expect(check(root)).toBe(0);
  });

  it('asks for one when a source under src/, migrations/ or bench/ is newer than the last build', () => {
    file(root, 'dist/src/main.js', 50);
    for (const path of ['src/network/network.service.ts', 'migrations/1-x.ts', 'bench/run.ts']) {
      file(root, 'src/main.ts', 100);
      file(root, path, 10);
      expect([path, check(root)]).toEqual([path, 10]);
      file(root, path, 100);
      expect([path, check(root)]).toEqual([path, 0]);
    }
  });
});
