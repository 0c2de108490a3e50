import { Module } from '@nestjs/common';
import { AuditExportController } from './audit-export.controller.js';
import { AuditResolver } from './audit.resolver.js';

@Module({ providers: [AuditResolver], controllers: [AuditExportController] })
export class AuditModule {}
