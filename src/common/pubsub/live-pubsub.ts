import { EventEmitter } from 'node:events';
import { PubSub } from 'graphql-subscriptions';

/**
 * The in-process fan-out of one instance: every subscriber of a trigger is one listener, so the
 * listener limit is lifted (a thousand watchers are normal, not a leak), and producers can skip
 * computing payloads nobody on this instance is waiting for.
 */
export class LivePubSub extends PubSub<Record<string, unknown>> {
  constructor() {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    super({ eventEmitter: emitter });
  }

  hasSubscribers(trigger: string): boolean {
    return this.ee.listenerCount(trigger) > 0;
  }
}
