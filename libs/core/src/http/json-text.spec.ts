import { Controller, Get, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { JSON_CONTENT_TYPE, JsonText, JsonTextExpressAdapter } from './json-text';

// Text as PostgreSQL writes it (a space after each colon of a jsonb value) and
// an amount with its trailing zeros: the bytes go out unchanged.
const TEXT = '{"id":"d-1","total":"1500.00","items":[{"coefficients":[{"unit": "paket", "quantity": "2"}],"total":"300.10"}]}';

@Controller('t')
class TController {
  @Get('text') text(): JsonText { return new JsonText(TEXT); }
  @Post('text') @HttpCode(200) posted(): Promise<JsonText> { return Promise.resolve(new JsonText(TEXT)); }
  @Get('value') value(): unknown { return { total: '1.00' }; }
}

@Module({ controllers: [TController] })
class TModule {}

describe('JsonText through the Express adapter', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await NestFactory.create(TModule, new JsonTextExpressAdapter(), { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('sends the text as it is, with the content type res.json gives and the route status', async () => {
    for (const res of [await request(app.getHttpServer()).get('/t/text'), await request(app.getHttpServer()).post('/t/text')]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(JSON_CONTENT_TYPE);
      expect(res.text).toBe(TEXT);
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(TEXT)));
    }
  });

  it('leaves every other body to res.json', async () => {
    const res = await request(app.getHttpServer()).get('/t/value');
    expect(res.headers['content-type']).toBe(JSON_CONTENT_TYPE);
    expect(res.text).toBe('{"total":"1.00"}');
  });

  it('parses to its value inside the application, and stringifies to the same value', () => {
    const t = new JsonText<{ total: string }>(TEXT);
    expect(t.value().total).toBe('1500.00');
    expect(JSON.parse(JSON.stringify({ body: t }))).toEqual({ body: JSON.parse(TEXT) });
  });
});
