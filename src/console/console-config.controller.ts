import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/** What the console needs to know before anyone signs in: how to sign in. */
@Controller('console')
export class ConsoleConfigController {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  @Get('config')
  @Header('Cache-Control', 'no-store')
  consoleConfig() {
    const { config } = this;
    const dev = !config.isProduction && !config.usesOidc;
    return {
      signIn: dev ? 'development' : 'oidc',
      oidc: dev
        ? null
        : {
            issuer: config.AUTH_ISSUER ?? null,
            clientId: config.OIDC_CLIENT_ID ?? null,
            scopes: config.OIDC_SCOPES,
          },
      graphiql: !config.isProduction,
      staleAfterHours: config.STALE_AFTER_HOURS,
    };
  }
}
