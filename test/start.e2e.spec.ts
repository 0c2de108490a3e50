import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import request from 'supertest';
import { explainStartFailure } from '../src/database/embedded-postgres.js';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => done(true)));
    socket.once('error', () => done(false));
  });
}

/**
 * What a newcomer gets from `npm start` on a fresh machine: the built service, no DATABASE_URL,
 * an embedded PostgreSQL, migrations, the demo network, a dev token; and a clean SIGTERM.
 * `npm test` builds first (pretest), so dist/ is the code under test.
 */
describe('npm start on a fresh machine', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the demo network on embedded Postgres, then drains and exits 0 on SIGTERM', async () => {
    expect(existsSync('dist/src/main.js')).toBe(true);
    const [port, pgPort] = [await freePort(), await freePort()];
    dataDir = `.data/start-test-${pgPort}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'info', NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    const proc = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (chunk) => (output += chunk));
    proc.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));

    const deadline = Date.now() + 90_000;
    while (!/Dev token/.test(output) && Date.now() < deadline && proc.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(output).toMatch(new RegExp(`ready at http://localhost:${port}/graphql`));
    // A year of history behind the demo network, so the municipalities' dashboard has figures.
    expect(output).toMatch(/demo history generated/);
    const token = /\n {2}(eyJ[\w-]+\.[\w-]+\.[\w-]+)\n/.exec(output)![1];

    const url = `http://127.0.0.1:${port}`;
    const res = await request(url).post('/graphql').set('Authorization', `Bearer ${token}`)
      .send({ query: '{ availability { regionId placesTotal } }' });
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data.availability as { regionId: string; placesTotal: number }[];
    expect(new Set(rows.map((r) => r.regionId)).size).toBe(35);
    expect(rows.reduce((n, r) => n + r.placesTotal, 0)).toBeGreaterThanOrEqual(1000);
    expect(await portOpen(pgPort)).toBe(true);

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = request(url).post('/graphql').set('Authorization', `Bearer ${token}`)
      .send({ query: '{ shelters(first: 100) { nodes { places(first: 50) { id status } } } }' });
    const answered = inFlight.then((r) => r.status);
    await new Promise((r) => setTimeout(r, 5));
    proc.kill('SIGTERM');
    expect(await answered).toBe(200);
    expect(await exited).toBe(0);
    expect(output).toMatch(/stopped cleanly/);
    expect(await portOpen(pgPort)).toBe(false);
  });
});

/** An operator who forgot or mistyped a setting gets one line naming it, not a stack trace. */
describe('start with missing or invalid settings', () => {
  function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    // Only PATH from the outside: what the test sets is all the service sees.
    const proc = spawn(process.execPath, ['dist/src/main.js'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout!.on('data', (chunk) => (stdout += chunk));
    proc.stderr!.on('data', (chunk) => (stderr += chunk));
    return new Promise((done) => proc.once('close', (code) => done({ code, stdout, stderr })));
  }

  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://opvangnet@127.0.0.1:1/none', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'opvangnet', METRICS_TOKEN: 'a-metrics-token-of-at-least-24-chars' };
  const without = (...names: (keyof typeof production)[]) => Object.fromEntries(Object.entries(production).filter(([k]) => !names.includes(k as never)));

  it.each([
    ['production without AUTH_ISSUER', without('AUTH_ISSUER'), ['AUTH_ISSUER']],
    ['production without AUTH_ISSUER, AUTH_AUDIENCE and DATABASE_URL', without('AUTH_ISSUER', 'AUTH_AUDIENCE', 'DATABASE_URL'), ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'DATABASE_URL']],
    ['production with /metrics public', without('METRICS_TOKEN'), ['METRICS_TOKEN']],
    ['production with an http issuer', { ...production, AUTH_ISSUER: 'http://idp.example' }, ['AUTH_ISSUER']],
    ['a port that is not a number', { ...production, PORT: 'eighty' }, ['PORT']],
    ['a rate limit of 0', { NODE_ENV: 'development', RATE_LIMIT_READS_PER_MINUTE: '0' }, ['RATE_LIMIT_READS_PER_MINUTE']],
    ['an unknown log level', { NODE_ENV: 'development', LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
    ['an unknown NODE_ENV', { NODE_ENV: 'prod' }, ['NODE_ENV']],
  ])('%s: one line naming the setting on stderr, no stack, exit 1', async (_, env, named) => {
    const { code, stdout, stderr } = await start(env as Record<string, string>);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^opvangnet: Invalid configuration: /);
    for (const setting of named) expect(lines[0]).toContain(setting);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toMatch(/Error:/);
  });

  it('says what is wrong with a value in plain words, without echoing it', async () => {
    const { code, stderr } = await start({ NODE_ENV: 'development', PORT: 'eighty', AUTH_JWT_SECRET: 'too-short-secret' });
    expect(code).toBe(1);
    expect(stderr).toBe('opvangnet: Invalid configuration: PORT must be an integer number; AUTH_JWT_SECRET must be longer than or equal to 32 characters\n');
  });
});

describe('npm start when the embedded PostgreSQL cannot start', () => {
  it('says in one line that the port is taken and what to set, and exits 1', async () => {
    // Another checkout's embedded server, as far as this one can tell: something listens on the port.
    const holder = createServer();
    const pgPort = await new Promise<number>((done) => holder.listen(0, '127.0.0.1', () => done((holder.address() as { port: number }).port)));
    const dataDir = `.data/start-test-taken-${pgPort}`;
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
      delete env.DATABASE_URL;
      const proc = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let stdout = '';
      proc.stdout!.on('data', (chunk) => (stdout += chunk));
      proc.stderr!.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((done) => proc.once('exit', (exitCode) => done(exitCode)));
      expect(code).toBe(1);
      expect(stdout).not.toMatch(/ready at/);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`port ${pgPort} is taken`));
      expect(lines[0]).toMatch(/EMBEDDED_PG_PORT=\d+/);
      expect(stderr).not.toMatch(/UnhandledPromiseRejection/);
    } finally {
      await new Promise((done) => holder.close(done));
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('names the cause and the fix for a locked, foreign or full data folder', () => {
    const dir = '/srv/pg';
    const cases: [string, RegExp][] = [
      ['FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 42) running', /in use by another PostgreSQL.*EMBEDDED_PG_DIR=/],
      ['FATAL:  database files are incompatible with server\nDETAIL:  The data directory was initialized by PostgreSQL version 16', /another PostgreSQL version.*EMBEDDED_PG_DIR=/],
      ['FATAL:  could not write lock file "postmaster.pid": No space left on device', /disk .* is full.*EMBEDDED_PG_DIR=/],
      ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use', /port 5432 is taken.*EMBEDDED_PG_PORT=5433/],
    ];
    for (const [output, expected] of cases) {
      const line = explainStartFailure(output, 5432, dir);
      expect(line).toMatch(expected);
      expect(line).not.toContain('\n');
    }
  });
});
