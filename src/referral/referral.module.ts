import { Module } from '@nestjs/common';
import { NetworkModule } from '../network/network.module.js';
import { PlacementModule } from '../placement/placement.module.js';
import { PlacementRequestResolver } from './referral.resolver.js';
import { ReferralService } from './referral.service.js';
import { RequestLiveService } from './request-live.service.js';
import { RetentionJob } from './retention.job.js';

@Module({
  imports: [PlacementModule, NetworkModule],
  providers: [ReferralService, RequestLiveService, PlacementRequestResolver, RetentionJob],
})
export class ReferralModule {}
