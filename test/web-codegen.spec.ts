import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('web/src/gql (typed operations of the console)', () => {
  it('is what GraphQL Code Generator makes from schema.gql and the documents (run `npm run codegen` and commit it)', () => {
    const out = mkdtempSync(join(tmpdir(), 'opvangnet-codegen-'));
    try {
      execFileSync(process.execPath, ['web/codegen.mjs', '--out', out], { cwd: process.cwd(), stdio: 'pipe' });
      const committedDir = join(process.cwd(), 'web/src/gql');
      const generated = readdirSync(out).sort();
      expect(generated).toEqual(readdirSync(committedDir).sort());
      expect(generated).toContain('graphql.ts');
      for (const file of generated) {
        expect(`${file}:\n${readFileSync(join(out, file), 'utf8')}`).toBe(`${file}:\n${readFileSync(join(committedDir, file), 'utf8')}`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
