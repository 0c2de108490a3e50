import { Module, OnModuleInit } from '@nestjs/common';
import { onLapsedHold } from '../network/place-locks.js';
import { expireClaim } from './claim-ending.js';
import { ClaimExpirySweeper } from './claim-expiry.sweeper.js';
import { ClaimResolver, StayResolver } from './placement.resolver.js';
import { PlacementService } from './placement.service.js';

@Module({
  providers: [PlacementService, ClaimExpirySweeper, ClaimResolver, StayResolver],
  exports: [PlacementService, ClaimExpirySweeper],
})
export class PlacementModule implements OnModuleInit {
  onModuleInit(): void {
    // The network finds lapsed holds while locking places; ending the claim is placement's job.
    onLapsedHold(expireClaim);
  }
}
