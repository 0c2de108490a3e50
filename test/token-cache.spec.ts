import { jest } from '@jest/globals';
import { SignJWT } from 'jose';
import { Role } from '../src/common/enums.js';
import { loadConfig } from '../src/config/app-config.js';
import { TokenService } from '../src/auth/token.service.js';

/** Verified tokens are remembered briefly; what is remembered cannot be changed by a caller or outlive the token. */
describe('TokenService: verified tokens are remembered', () => {
  const secret = 'token-cache-test-secret-of-enough-length';
  const tokens = new TokenService(loadConfig({ AUTH_JWT_SECRET: secret, NODE_ENV: 'test' }, 'tool'));
  const sign = (exp: number, claims: Record<string, unknown> = {}) =>
    new SignJWT({ role: Role.INTAKE, shelterIds: ['8d0c4c7e-1f1a-4c39-9f51-9a6f2b0d2a11'], ...claims })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('desk-1').setExpirationTime(exp).sign(new TextEncoder().encode(secret));

  it('gives the same principal again, as a copy a caller cannot change for the next request', async () => {
    const token = await sign(Math.floor(Date.now() / 1000) + 600);
    const first = await tokens.verify(token);
    first.shelterIds.push('someone-elses-shelter');
    (first as { role: string }).role = Role.ADMIN;
    const second = await tokens.verify(token);
    expect(second).toEqual({ ...first, role: Role.INTAKE, shelterIds: ['8d0c4c7e-1f1a-4c39-9f51-9a6f2b0d2a11'] });
  });

  it('never remembers a refusal, and still refuses a token expired beyond the clock skew', async () => {
    const expired = await sign(Math.floor(Date.now() / 1000) - 120);
    await expect(tokens.verify(expired)).rejects.toThrow(/expired/);
    await expect(tokens.verify(expired)).rejects.toThrow(/expired/);
    // The first character of the signature (the last one may carry only padding bits).
    const [header, payload, signature] = (await sign(Math.floor(Date.now() / 1000) + 600)).split('.');
    const forged = [header, payload, `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`].join('.');
    await expect(tokens.verify(forged)).rejects.toThrow(/not valid/);
  });

  it('forgets a token once it has expired: the next use is checked again in full', async () => {
    const soon = await sign(Math.floor(Date.now() / 1000) + 1);
    expect((await tokens.verify(soon)).sub).toBe('desk-1');
    try {
      // 40 s later, past its expiry and the 30 s skew: jose refuses it, and the remembered answer is not used.
      jest.useFakeTimers({ now: Date.now() + 40_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
      await expect(tokens.verify(soon)).rejects.toThrow(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });
});
