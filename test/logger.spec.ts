import { PassThrough } from 'node:stream';
import { createRootLogger, wantsPrettyLogs } from '../src/observability/logger.js';

function written(pretty: boolean): Promise<string> {
  const destination = new PassThrough();
  let text = '';
  destination.on('data', (chunk) => (text += chunk));
  const log = createRootLogger('info', { pretty, destination });
  log.info({ claimId: 'c-1' }, 'claim expired');
  log.flush();
  return new Promise((done) => setImmediate(() => done(text)));
}

describe('logs', () => {
  it('are human-readable only for a person at a terminal in development', () => {
    expect(wantsPrettyLogs({}, true)).toBe(true);
    expect(wantsPrettyLogs({ NODE_ENV: 'development' }, true)).toBe(true);
    expect(wantsPrettyLogs({ NODE_ENV: 'development' }, false)).toBe(false);
    expect(wantsPrettyLogs({ NODE_ENV: 'production' }, true)).toBe(false);
    expect(wantsPrettyLogs({ NODE_ENV: 'test' }, true)).toBe(false);
  });

  it('stay JSON lines by default', async () => {
    const line = JSON.parse((await written(false)).trim());
    expect(line).toMatchObject({ level: 30, msg: 'claim expired', claimId: 'c-1', service: 'opvangnet' });
  });

  it('read as a line of text when pretty', async () => {
    const text = await written(true);
    expect(text).toMatch(/INFO.*claim expired/);
    expect(text).toMatch(/claimId: "c-1"/);
    expect(() => JSON.parse(text.trim())).toThrow();
  });
});
