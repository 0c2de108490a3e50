import { Module } from '@nestjs/common';
import { FlowsExportController } from './flows.controller.js';
import { FlowsResolver } from './flows.resolver.js';
import { FlowsService } from './flows.service.js';

@Module({
  providers: [FlowsService, FlowsResolver],
  controllers: [FlowsExportController],
})
export class FlowsModule {}
