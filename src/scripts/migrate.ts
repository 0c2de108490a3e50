import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { ENTITIES } from '../entities.js';
import { withDatabase } from './with-database.js';

const [command, name] = process.argv.slice(2);

function migrationSource(className: string, up: string[], down: string[]): string {
  const body = (queries: string[]) =>
    queries.map((q) => `    await q.query(\`${q.replace(/`/g, '\\`')}\`);`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${body(up)}
  }

  async down(q: QueryRunner): Promise<void> {
${body(down)}
  }
}
`;
}

async function main() {
  if (!['run', 'revert', 'generate', 'show'].includes(command ?? '') || (command === 'generate' && !name)) {
    process.stderr.write('usage: npm run migration:run | migration:revert | migration:generate -- <Name>\n');
    process.exit(2);
  }
  const config = loadConfig(process.env, 'tool');
  await withDatabase(config, async (url) => {
    const dataSource = createDataSource(url, 2, ENTITIES);
    await dataSource.initialize();
    try {
      if (command === 'run') {
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(ran.length ? ran.map((m) => `applied ${m.name}\n`).join('') : 'nothing to apply\n');
      } else if (command === 'revert') {
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the last migration\n');
      } else if (command === 'show') {
        process.stdout.write(`pending: ${await dataSource.showMigrations()}\n`);
      } else {
        // Diff the entities against the database; the result is a starting point to review by hand.
        const sql = await dataSource.driver.createSchemaBuilder().log();
        if (sql.upQueries.length === 0) {
          process.stdout.write('entities and database agree: nothing to generate\n');
          return;
        }
        const timestamp = Date.now();
        const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
        const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
        writeFileSync(
          file,
          migrationSource(className, sql.upQueries.map((q) => q.query), sql.downQueries.map((q) => q.query).reverse()),
        );
        process.stdout.write(`wrote ${file}\nadd ${className} to migrations/index.ts, then review the SQL\n`);
      }
    } finally {
      await dataSource.destroy();
    }
  });
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
