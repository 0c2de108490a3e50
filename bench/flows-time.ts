import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { presentReport } from '../src/flows/flow-presenter.js';
import { FlowsService } from '../src/flows/flows.service.js';
import { summarise } from './support.js';

/*
 * A quick before/after of flowReport on an existing database (bench/flows-db.ts), in one run:
 * this build's FlowsService against another build's (FLOWS_BASE: a dist directory holding
 * src/flows/flows.service.js, e.g. a copy of dist made before a change), alternating run by run,
 * both with the aggregates. First checks that both (and this build's direct path, for MONTH) give
 * the same presented report. FLOWS_URL is the database, FLOWS_RUNS the timed runs per case (10), FLOWS_CASES a comma-separated
 * subset (region-year, country-year, region-month), FLOWS_NO_DIRECT=1 skips the direct path's check.
 */
const log = (line: string) => process.stderr.write(`[flows-time] ${line}\n`);

function cpu() {
  return os.cpus().reduce((a, c) => ({ busy: a.busy + c.times.user + c.times.sys + c.times.nice + c.times.irq, all: a.all + c.times.user + c.times.sys + c.times.nice + c.times.irq + c.times.idle }), { busy: 0, all: 0 });
}

async function main() {
  const url = process.env.FLOWS_URL;
  if (!url) throw new Error('set FLOWS_URL to the database of bench/flows-db.ts');
  const runs = Number(process.env.FLOWS_RUNS ?? 10);
  const dataSource = createDataSource(url, 20);
  await dataSource.initialize();
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', FLOW_AGGREGATES: 'on' }, 'tool');
  const services: [string, { figures: FlowsService['figures'] }][] = [['after', new FlowsService(dataSource, config)]];
  if (process.env.FLOWS_BASE) {
    const base = await import(`${process.env.FLOWS_BASE}/src/flows/flows.service.js`);
    services.unshift(['before', new base.FlowsService(dataSource, config)]);
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const { rows: [region] } = await pool.query(`SELECT id FROM region WHERE code = 'rotterdam'`);
  const year = new Date().getUTCFullYear() - 1;
  const only = process.env.FLOWS_CASES?.split(',');
  const cases = [
    { label: 'region-year', regionId: region.id, from: `${year}-01-01`, to: `${year}-12-31` },
    { label: 'country-year', regionId: null, from: `${year}-01-01`, to: `${year}-12-31` },
    { label: 'region-month', regionId: region.id, from: `${year}-03-01`, to: `${year}-03-31` },
  ].filter((c) => !only || only.includes(c.label));
  const json = (x: unknown) => JSON.stringify(x);
  for (const c of cases) {
    const answers = await Promise.all(services.map(([, s]) => s.figures(c.regionId, c.from, c.to, 'MONTH').then(presentReport)));
    if (!process.env.FLOWS_NO_DIRECT) answers.push(presentReport(await services[services.length - 1][1].figures(c.regionId, c.from, c.to, 'MONTH', { aggregates: false })));
    const same = answers.every((a) => json(a) === json(answers[0]));
    if (!same) log(`${c.label}: ANSWERS DIFFER (${services.map(([n]) => n).join(', ')}${process.env.FLOWS_NO_DIRECT ? '' : ', direct'})`);
    const samples = new Map<string, number[]>(services.map(([name]) => [name, []]));
    const before = cpu();
    for (let i = 0; i < runs + 1; i++) {
      for (const [name, s] of services) {
        const started = performance.now();
        presentReport(await s.figures(c.regionId, c.from, c.to, 'MONTH'));
        if (i > 0) samples.get(name)!.push(performance.now() - started);
      }
    }
    const after = cpu();
    const busy = Math.round(((after.busy - before.busy) / (after.all - before.all)) * 100) / 100;
    process.stdout.write(`${c.label}: ${[...samples].map(([name, s]) => { const x = summarise(s); return `${name} p50 ${x.p50} ms p99 ${x.p99} ms`; }).join('; ')}; identical ${same}; machine busy ${busy}\n`);
  }
  await pool.end();
  await dataSource.destroy();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
