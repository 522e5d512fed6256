import 'reflect-metadata';
import { Controller, Post, Put } from '@nestjs/common';
import { BodyLimit, bodyLimitFor, declaredBodyLimits, formatByteSize, parseByteSize } from './body-limits';

@Controller('spec-body-limits/things')
class ThingsController {
  @Post()
  @BodyLimit('2mb', 'many lines')
  create(): void {}

  @BodyLimit('256kb', 'a long list')
  @Put(':id/lines')
  lines(): void {}

  @Post(':id/approve')
  approve(): void {}
}

describe('body limits', () => {
  it('reads and writes byte sizes', () => {
    expect(parseByteSize('4kb')).toBe(4096);
    expect(parseByteSize('64KB')).toBe(65536);
    expect(parseByteSize('2mb')).toBe(2 * 1024 * 1024);
    expect(parseByteSize(1000)).toBe(1000);
    expect(() => parseByteSize('lots')).toThrow('not a byte size');
    expect(formatByteSize(65536)).toBe('64 kB');
    expect(formatByteSize(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatByteSize(1000)).toBe('1000 bytes');
  });

  it('resolves each declared limit to its method and full path, whatever the order of the decorators', () => {
    expect(ThingsController).toBeDefined();
    const routes = declaredBodyLimits('api/v1').filter((r) => r.path.startsWith('/api/v1/spec-body-limits'));
    expect(routes.map(({ method, path, limit }) => ({ method, path, limit }))).toEqual([
      { method: 'POST', path: '/api/v1/spec-body-limits/things', limit: 2 * 1024 * 1024 },
      { method: 'PUT', path: '/api/v1/spec-body-limits/things/:id/lines', limit: 256 * 1024 },
    ]);
    const limit = (method: string, path: string) => bodyLimitFor(routes, method, path, 65536, 10 * 1024 * 1024);
    expect(limit('POST', '/api/v1/spec-body-limits/things')).toBe(2 * 1024 * 1024);
    expect(limit('POST', '/api/v1/spec-body-limits/things/')).toBe(2 * 1024 * 1024);
    expect(limit('PUT', '/api/v1/spec-body-limits/things/0b6f/lines')).toBe(256 * 1024);
    // another method, a deeper path or a route without a declaration: the default
    expect(limit('PUT', '/api/v1/spec-body-limits/things')).toBe(65536);
    expect(limit('PUT', '/api/v1/spec-body-limits/things/a/b/lines')).toBe(65536);
    expect(limit('POST', '/api/v1/spec-body-limits/things/0b6f/approve')).toBe(65536);
    // the ceiling (BODY_LIMIT) caps any declaration
    expect(bodyLimitFor(routes, 'POST', '/api/v1/spec-body-limits/things', 65536, 1024 * 1024)).toBe(1024 * 1024);
  });
});
