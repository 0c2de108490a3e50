import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service.js';
import { DevPerson, listDevPeople } from './dev-people.js';

function shown({ claims, ...person }: DevPerson) {
  return { ...person, shelterIds: claims.shelterIds ?? [], regionId: claims.regionId ?? null };
}

/**
 * Development sign-in for the console: pick a demo person, get a 12 h development token.
 * Registered only outside production and without an OIDC issuer (see AppModule), so in
 * production these routes do not exist at all.
 */
@Controller('dev')
export class DevSignInController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  private async people(res: Response): Promise<DevPerson[] | undefined> {
    try {
      return await listDevPeople(this.dataSource);
    } catch {
      res.status(503).json({ error: { code: 'UNAVAILABLE', message: 'The database is unavailable; try again shortly.' } });
      return undefined;
    }
  }

  @Get('people')
  async listPeople(@Res() res: Response): Promise<void> {
    const people = await this.people(res);
    if (people) res.setHeader('Cache-Control', 'no-store').json(people.map(shown));
  }

  @Post('token')
  @HttpCode(200)
  async token(@Body() body: { personId?: unknown } | undefined, @Res() res: Response): Promise<void> {
    const personId = typeof body?.personId === 'string' ? body.personId : '';
    const people = await this.people(res);
    if (!people) return;
    const person = people.find((p) => p.id === personId);
    if (!person) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `No demo person "${personId}"` } });
      return;
    }
    const token = await this.tokens.sign(person.claims, '12h');
    res.setHeader('Cache-Control', 'no-store').json({ token, person: shown(person) });
  }
}
