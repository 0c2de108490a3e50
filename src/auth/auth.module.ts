import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { RateLimits } from './rate-limits.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  providers: [TokenService, RateLimits, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, RateLimits],
})
export class AuthModule {}
