import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaText } from '../src/scripts/print-schema.js';

describe('schema.gql', () => {
  it('is the schema the code-first build generates (run `npm run build` and commit it)', async () => {
    const committed = readFileSync(join(process.cwd(), 'schema.gql'), 'utf8');
    expect(await buildSchemaText()).toBe(committed);
  });
});
