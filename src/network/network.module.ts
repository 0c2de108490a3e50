import { Module, OnModuleInit } from '@nestjs/common';
import { ContextLoaders } from '../common/context-loaders.js';
import { AvailabilityService } from './availability.service.js';
import { LiveAvailabilityService } from './live-availability.service.js';
import { LiveResolver } from './live.resolver.js';
import { createNetworkLoaders } from './network.loaders.js';
import { NetworkService } from './network.service.js';
import { OrganisationResolver, PlaceResolver, RegionResolver, ShelterResolver } from './network.resolver.js';

@Module({
  providers: [NetworkService, AvailabilityService, LiveAvailabilityService, LiveResolver, RegionResolver, OrganisationResolver, ShelterResolver, PlaceResolver],
  exports: [NetworkService, AvailabilityService, LiveAvailabilityService],
})
export class NetworkModule implements OnModuleInit {
  constructor(private readonly contextLoaders: ContextLoaders) {}

  onModuleInit(): void {
    this.contextLoaders.contribute('network', createNetworkLoaders);
  }
}
