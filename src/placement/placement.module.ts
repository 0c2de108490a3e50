import { Module } from '@nestjs/common';
import { ClaimExpirySweeper } from './claim-expiry.sweeper.js';
import { ClaimResolver, StayResolver } from './placement.resolver.js';
import { PlacementService } from './placement.service.js';

@Module({
  providers: [PlacementService, ClaimExpirySweeper, ClaimResolver, StayResolver],
  exports: [PlacementService, ClaimExpirySweeper],
})
export class PlacementModule {}
