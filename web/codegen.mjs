// Generates the console's typed GraphQL operations (web/src/gql) from schema.gql and every
// graphql() call in web/src. `--out <dir>` writes elsewhere: the staleness test compares.
import { generate } from '@graphql-codegen/cli';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? resolve(process.argv[outAt + 1]) : resolve(root, 'web/src/gql');

await generate(
  {
    cwd: root,
    schema: resolve(root, 'schema.gql'),
    documents: [resolve(root, 'web/src/**/*.tsx'), resolve(root, 'web/src/**/*.ts'), `!${resolve(root, 'web/src/gql/**')}`],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [`${out}/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: { unmaskFunctionName: 'useFragment' } },
        config: {
          enumsAsTypes: true,
          useTypeImports: true,
          skipTypename: false,
          scalars: { DateTime: 'string', JSON: 'unknown' },
        },
      },
    },
  },
  true,
);
