/**
 * What the console knows about its connection to the service, for the banner and for automatic
 * retries: `unavailable` while the service answers UNAVAILABLE or cannot be reached, `epoch`
 * increases on every retry tick and every socket reconnect (screens re-fetch what they show).
 */
export interface ConnectionSnapshot {
  unavailable: boolean;
  socketDown: boolean;
  epoch: number;
}

const RETRY_MS = 2000;

export class ConnectionStatus {
  private snapshot: ConnectionSnapshot = { unavailable: false, socketDown: false, epoch: 0 };
  private readonly listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setInterval> | undefined;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): ConnectionSnapshot => this.snapshot;

  private set(next: Partial<ConnectionSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.listeners.forEach((l) => l());
  }

  /** The service answered UNAVAILABLE or the request failed on the network: banner, retry every 2 s. */
  markUnavailable() {
    if (!this.snapshot.unavailable) this.set({ unavailable: true });
    this.retryTimer ??= setInterval(() => this.set({ epoch: this.snapshot.epoch + 1 }), RETRY_MS);
  }

  markAvailable() {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = undefined;
    if (this.snapshot.unavailable) this.set({ unavailable: false });
  }

  socketClosed() {
    if (!this.snapshot.socketDown) this.set({ socketDown: true });
  }

  /** The socket closed itself because no screen listens any more (lazy): nothing is missing. */
  socketIdle() {
    if (this.snapshot.socketDown) this.set({ socketDown: false });
  }

  /** After a reconnect, live screens missed events: they re-fetch. */
  socketConnected(wasRetry: boolean) {
    this.set({ socketDown: false, epoch: wasRetry ? this.snapshot.epoch + 1 : this.snapshot.epoch });
  }

  dispose() {
    if (this.retryTimer) clearInterval(this.retryTimer);
  }
}
