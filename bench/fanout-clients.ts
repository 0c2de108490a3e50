import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/*
 * One process of fan-out receivers, forked by bench/fanout-scale.ts. Ten thousand subscribers in
 * the bench process would make its own event loop (parsing 10,000 messages one after another) the
 * thing measured, so the receivers are spread over a few of these, each holding a share of the
 * sockets. The graphql-ws subscribers and the bare `ws` baseline use the same arrangement.
 *
 * Protocol over the IPC channel (parent -> child, child answers):
 *   connect {mode, urls, tokens, query, variables}  -> connected {ok, failed}
 *   begin {expected}                                -> begun
 *   end {timeoutMs}                                 -> round {times, missed, stray}
 *   close                                           -> (exits)
 * Receipt times are absolute (performance.timeOrigin + performance.now()), comparable across
 * processes on one machine.
 */

type Row = Record<string, unknown> & { outOfService: number };
type Command =
  | { type: 'connect'; mode: 'graphql' | 'ws'; urls: string[]; tokens: string[]; query: string; variables: Record<string, unknown> }
  | { type: 'begin'; expected: number }
  | { type: 'end'; timeoutMs: number }
  | { type: 'close' };

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 30_000;

const clock = () => performance.timeOrigin + performance.now();
const send = (message: object) => process.send!(message);

let count = 0;
let expected: number | undefined;
let received = new Float64Array(0);
let got = 0;
let stray = 0;
let allIn: (() => void) | undefined;
let sampleRow: Row | undefined;
const disposers: Array<() => unknown> = [];

function receive(i: number, row: Row): void {
  const at = clock();
  sampleRow ??= row;
  if (row.outOfService !== expected || !Number.isNaN(received[i])) {
    stray++;
    return;
  }
  received[i] = at;
  if (++got === count) allIn?.();
}

function openGraphql(url: string, token: string, query: string, variables: Record<string, unknown>, i: number): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (!settled) (settled = true), resolve(ok);
    };
    const client: Client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      on: { connected: () => done(true), closed: () => done(false), error: () => done(false) },
      onNonLazyError: () => done(false),
    });
    disposers.push(() => client.dispose());
    setTimeout(() => done(false), CONNECT_TIMEOUT_MS).unref();
    client.subscribe<{ availabilityChanged: Row }>(
      { query, variables },
      {
        next: (message) => {
          const row = message.data?.availabilityChanged;
          if (row) receive(i, row);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  });
}

function openWs(url: string, i: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    disposers.push(() => socket.terminate());
    // Parse like the graphql-ws client does, so both sides pay for JSON.parse.
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { payload: { data: { availabilityChanged: Row } } };
      receive(i, message.payload.data.availabilityChanged);
    });
    socket.on('error', () => resolve(false));
    socket.once('open', () => resolve(true));
    setTimeout(() => resolve(false), CONNECT_TIMEOUT_MS).unref();
  });
}

process.on('message', (command: Command) => {
  void (async () => {
    switch (command.type) {
      case 'connect': {
        count = command.tokens.length;
        received = new Float64Array(count).fill(NaN);
        let ok = 0;
        for (let start = 0; start < count; start += CONNECT_BATCH) {
          const batch = [];
          for (let i = start; i < Math.min(count, start + CONNECT_BATCH); i++) {
            // Subscribers are spread round-robin over the instances given.
            const url = command.urls[i % command.urls.length];
            batch.push(command.mode === 'graphql' ? openGraphql(url, command.tokens[i], command.query, command.variables, i) : openWs(url, i));
          }
          ok += (await Promise.all(batch)).filter(Boolean).length;
        }
        send({ type: 'connected', ok, failed: count - ok });
        return;
      }
      case 'begin':
        expected = command.expected;
        received.fill(NaN);
        got = 0;
        send({ type: 'begun' });
        return;
      case 'end': {
        if (got < count) {
          await new Promise<void>((resolve) => {
            allIn = resolve;
            setTimeout(resolve, command.timeoutMs).unref();
          });
          allIn = undefined;
        }
        const times = Array.from(received).filter((v) => !Number.isNaN(v));
        expected = undefined;
        send({ type: 'round', times, missed: count - times.length, stray, sampleRow });
        stray = 0;
        return;
      }
      case 'close':
        for (const dispose of disposers) {
          try {
            await dispose();
          } catch {
            // closing anyway
          }
        }
        process.exit(0);
    }
  })();
});
