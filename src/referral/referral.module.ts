import { Module } from '@nestjs/common';
import { NetworkModule } from '../network/network.module.js';
import { PlacementModule } from '../placement/placement.module.js';
import { PlacementRequestResolver } from './referral.resolver.js';
import { ReferralService } from './referral.service.js';
import { RequestLiveService } from './request-live.service.js';
import { RetentionJob } from './retention.job.js';
import { WaitingListResolver } from './waiting/waiting-list.resolver.js';
import { WaitingListService } from './waiting/waiting-list.service.js';

@Module({
  imports: [PlacementModule, NetworkModule],
  providers: [ReferralService, RequestLiveService, PlacementRequestResolver, RetentionJob, WaitingListService, WaitingListResolver],
})
export class ReferralModule {}
