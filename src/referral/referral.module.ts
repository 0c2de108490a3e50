import { Module, OnModuleInit } from '@nestjs/common';
import { NetworkModule } from '../network/network.module.js';
import { claimLifecycle } from '../placement/claim-lifecycle.js';
import { PlacementModule } from '../placement/placement.module.js';
import { PlacementRequestResolver } from './referral.resolver.js';
import { ReferralService } from './referral.service.js';
import { requestClaimHooks } from './request-effects.js';
import { RequestLiveService } from './request-live.service.js';
import { RetentionJob } from './retention.job.js';
import { WaitingListResolver } from './waiting/waiting-list.resolver.js';
import { WaitingListService } from './waiting/waiting-list.service.js';

@Module({
  imports: [PlacementModule, NetworkModule],
  providers: [ReferralService, RequestLiveService, PlacementRequestResolver, RetentionJob, WaitingListService, WaitingListResolver],
})
export class ReferralModule implements OnModuleInit {
  onModuleInit(): void {
    // A claim for a request that ends re-opens the request (and ends its offer); an admission admits it.
    claimLifecycle.register(requestClaimHooks);
  }
}
