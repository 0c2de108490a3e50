import { relative } from 'node:path';
import WebSocket from 'ws';
import { httpGet } from './support.js';

/** The parts of a V8 CPU profile this summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  what: string;
  /** Share of the busy (non-idle) samples. */
  selfPct: number;
  selfMs: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  /** Self time by function (name, file:line). */
  topFunctions: ProfileLine[];
  /** Self time by where the code lives: an npm package, a file of ours, node internals, native/GC. */
  byOwner: ProfileLine[];
}

/**
 * A V8 CPU profile of another Node process over a window of our choosing, through its inspector
 * (`--inspect=127.0.0.1:<port>`, see bench/environment.ts): start, run the load, stop.
 */
export class InspectorProfiler {
  private constructor(private readonly socket: WebSocket) {}
  private nextId = 1;

  static async connect(port: number): Promise<InspectorProfiler> {
    const targets = JSON.parse((await httpGet(`http://127.0.0.1:${port}/json/list`)).body) as { webSocketDebuggerUrl: string }[];
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
    return new InspectorProfiler(socket);
  }

  private send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: T; error?: { message: string } };
        if (message.id !== id) return;
        this.socket.off('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result as T);
      };
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async start(intervalUs = 250): Promise<void> {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.send('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    const { profile } = await this.send<{ profile: CpuProfile }>('Profiler.stop');
    return profile;
  }

  close(): void {
    this.socket.close();
  }
}

function owner(url: string, root: string): string {
  if (!url) return '(native, GC)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  const packageAt = path.lastIndexOf('/node_modules/');
  if (packageAt >= 0) {
    const parts = path.slice(packageAt + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return relative(root, path).replace(/^dist\//, '');
}

/** Self time: what the CPU was doing (not who called it), as a share of the time it was busy. */
export function summariseProfile(profile: CpuProfile, root: string, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      return;
    }
    busyUs += us;
    const where = owner(frame.url, root);
    const fn = `${frame.functionName || '(anonymous)'} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    owners.set(where, (owners.get(where) ?? 0) + us);
  });
  const lines = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, us]) => ({ what, selfPct: Math.round((1000 * us) / (busyUs || 1)) / 10, selfMs: Math.round(us / 1000) }));
  return { busyMs: Math.round(busyUs / 1000), idleMs: Math.round(idleUs / 1000), topFunctions: lines(functions), byOwner: lines(owners) };
}
