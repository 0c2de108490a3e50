import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { Logger as Pino } from 'pino';
import { PostgresPubSub } from '../common/pubsub/postgres-pubsub.js';
import { LIVE_EVENTS, ROOT_LOGGER } from '../common/tokens.js';
import { ReferralService } from './referral.service.js';
import { REQUEST_CHANGES_CHANNEL, RequestChange } from './request-effects.js';

export const REQUEST_UPDATED = 'placementRequestUpdated';
export const INCOMING_REQUEST = 'incomingPlacementRequests';
export const ESCALATION = 'escalations';

/** Committed request changes, heard on every instance, pushed to that instance's subscribers. */
@Injectable()
export class RequestLiveService implements OnApplicationBootstrap {
  constructor(
    @Inject(LIVE_EVENTS) private readonly live: PubSub,
    @Inject(PostgresPubSub) private readonly engine: PostgresPubSub | null,
    @Inject(ReferralService) private readonly referrals: ReferralService,
    @Inject(ROOT_LOGGER) private readonly log: Pino,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine?.subscribe(REQUEST_CHANGES_CHANNEL, (message) => void this.push(message as RequestChange));
  }

  private async push(change: RequestChange): Promise<void> {
    // Options being viewed is timeline detail, not news for anyone following the request.
    if (change.kind === 'OPTIONS_VIEWED') return;
    try {
      const record = await this.referrals.request(change.requestId);
      await this.live.publish(REQUEST_UPDATED, record);
      if (change.kind === 'CREATED' || change.kind === 'ESCALATED') await this.live.publish(INCOMING_REQUEST, record);
      if (change.kind === 'ESCALATED') await this.live.publish(ESCALATION, record);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, requestId: change.requestId }, 'could not push a request change');
    }
  }
}
