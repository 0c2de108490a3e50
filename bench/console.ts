import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, startEnvironment, type BenchEnvironment } from './environment.js';
import { GraphQLHttpClient, signToken, summarise } from './support.js';

/*
 * The console's budget (issue 9): JavaScript sent before the first screen is usable (gzipped,
 * goal <= 250 KB), and the time from a claim's commit to the board updated in another browser
 * (p50/p99 over 50 claims, measured in the browser's own clock; goal p99 < 1 s).
 * Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium) and a built console (npm run build).
 */

const CLAIMS = Number(process.env.BENCH_CONSOLE_CLAIMS ?? 50);
const log = (line: string) => process.stderr.write(`[bench:console] ${line}\n`);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  let env: BenchEnvironment | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    env = await startEnvironment(log);
    const base = env.serviceUrl;

    // 1. JavaScript before the first usable screen (the sign-in page with its buttons), gzipped.
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const scripts = new Map<string, { raw: number; gzip: number }>();
    const styles = new Map<string, { raw: number; gzip: number }>();
    page.on('response', async (res) => {
      const type = res.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      const body = await res.body().catch(() => undefined);
      if (!body) return;
      (type === 'script' ? scripts : styles).set(new URL(res.url()).pathname, { raw: body.length, gzip: gzipSync(body).length });
    });
    const navStart = Date.now();
    await page.goto('/');
    await page.getByRole('button', { name: /^Intakemedewerker van / }).waitFor();
    const firstUsableMs = Date.now() - navStart;
    const sum = (m: Map<string, { raw: number; gzip: number }>) => [...m.values()].reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
    const js = sum(scripts);
    const css = sum(styles);
    log(`first usable screen: ${(js.gzip / 1024).toFixed(1)} KB JS gzipped (${(js.raw / 1024).toFixed(1)} KB raw) in ${scripts.size} file(s); CSS ${(css.gzip / 1024).toFixed(1)} KB gzipped`);

    // 2. Claim commit -> board updated in the browser that watches the board.
    const people = (await (await fetch(`${base}/dev/people`)).json()) as { label: string; shelterIds: string[]; featured: boolean; role: string }[];
    const intakePerson = people.find((p) => p.featured && p.role === 'INTAKE')!;
    const shelterId = intakePerson.shelterIds[0];
    await page.getByRole('button', { name: intakePerson.label }).click();
    await page.getByRole('table').waitFor();
    const claimer = await signToken('INTAKE', { sub: 'bench-console-claimer', shelterIds: [shelterId] });
    const gql = new GraphQLHttpClient(base);
    const { rows } = await env.db.query<{ id: string; label: string }>(
      `SELECT id, label FROM place WHERE shelter_id = $1 AND status = 'AVAILABLE' ORDER BY label LIMIT 5`,
      [shelterId],
    );
    if (!rows.length) throw new Error('the demo shelter has no free place');
    const samples: number[] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const place = rows[i % rows.length];
      await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${place.label}\\b`) }) }).getByText('Vrij', { exact: true }).waitFor();
      const result = await page.evaluate(
        async ({ placeId, label, token }) => {
          const doc = (globalThis as any).document;
          const held = () =>
            [...doc.querySelectorAll('tr')].some((tr: any) => tr.querySelector('th')?.textContent?.startsWith(label) && tr.textContent.includes('Vastgehouden'));
          const updated = new Promise<number>((resolve) => {
            const observer = new (globalThis as any).MutationObserver(() => {
              if (held()) {
                observer.disconnect();
                resolve(performance.now());
              }
            });
            observer.observe(doc.body, { subtree: true, childList: true, characterData: true });
          });
          const res = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: 'mutation ($i: ClaimPlaceInput!) { claimPlace(input: $i) { id } }', variables: { i: { placeIds: [placeId], householdSize: 1 } } }),
          });
          const committed = performance.now();
          const body = (await res.json()) as { data: { claimPlace: { id: string } } };
          const at = await updated;
          return { ms: at - committed, claimId: body.data.claimPlace.id as string };
        },
        { placeId: place.id, label: place.label, token: claimer },
      );
      samples.push(result.ms);
      await gql.request(`mutation ($i: ReleaseClaimInput!) { releaseClaim(input: $i) { id } }`, { i: { claimId: result.claimId, reason: 'bench' } }, claimer);
    }
    const latency = summarise(samples);
    log(`claim commit -> board updated in the browser: p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms over ${latency.count}`);

    const results = {
      benchmark: 'console',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: env.machine,
      firstUsableScreen: {
        screen: 'development sign-in page',
        javascript: { files: scripts.size, rawBytes: js.raw, gzipBytes: js.gzip, goalGzipBytes: 250 * 1024 },
        css: { files: styles.size, rawBytes: css.raw, gzipBytes: css.gzip },
        loadMs: firstUsableMs,
      },
      claimToBoard: { claims: CLAIMS, ms: latency, goalP99Ms: 1000 },
    };
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const text = `${JSON.stringify(results, null, 2)}\n`;
    for (const target of [join(dir, `console-${startedAt.replace(/[:.]/g, '-')}.json`), join(dir, 'console-latest.json')]) {
      writeFileSync(`${target}.tmp`, text);
      renameSync(`${target}.tmp`, target);
    }
    process.stdout.write(`${text}`);
  } finally {
    await browser.close();
    await env?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
