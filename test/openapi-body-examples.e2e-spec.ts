import { buildOpenApiDocument } from '../apps/api/src/create-app';
import { OpenApiValidator } from './support/openapi-validator';
import { startTestApp, TestApp } from './support/test-app';

type Media = { schema?: { $ref?: string }; examples?: Record<string, { summary?: string; value: unknown }> };
type Op = { requestBody?: { content?: Record<string, Media> } };

// Every operation that takes a JSON body documents a realistic example of
// it, valid against the body's schema; the examples of a few main routes,
// posted as written to a fresh demo, are accepted.
describe('OpenAPI: request-body examples', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Op>>; components?: { schemas?: Record<string, object> } };
  beforeAll(async () => { t = await startTestApp(); doc = buildOpenApiDocument(t.app) as never; });
  afterAll(async () => { await t.close(); });

  const bodies = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item)
    .filter(([, op]) => op?.requestBody?.content?.['application/json'])
    .map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, media: op.requestBody!.content!['application/json'] })));
  const example = (schema: string) => {
    const hit = bodies().find((b) => b.media.schema?.$ref?.endsWith(`/${schema}`));
    return Object.values(hit?.media.examples ?? {})[0]?.value as Record<string, unknown>;
  };

  it('every JSON request body has an example that validates against its schema', () => {
    const all = bodies();
    expect(all.length).toBeGreaterThan(40);
    const validator = new OpenApiValidator(doc as never);
    const problems = all.flatMap(({ where, media }) => {
      const examples = Object.values(media.examples ?? {});
      if (examples.length === 0) return [`${where}: no example`];
      return examples.map((e) => validator.validate(`example ${where}`, media.schema!, e.value)).filter((p) => p !== null).map((p) => `${where}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('the examples of main routes, posted as written to a fresh demo, are accepted', async () => {
    const login = await t.post('/auth/login', example('LoginDto'));
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    const item = await t.post('/hsb/items', example('CreateHsbItemDto'), 'price-admin');
    expect([item.status, item.body.price]).toEqual([201, '4500.00']);
    const vendor = await t.post('/delivery/vendors', example('CreateVendorDto'), 'project-officer-a');
    expect([vendor.status, vendor.body.npwp]).toEqual([201, '765432109517000']);
    const threshold = await t.put('/project-planning/thresholds/2027/CONSTRUCTION', example('PutThresholdDto'), 'admin');
    expect([threshold.status, threshold.body.directMax]).toEqual([200, '400000000.00']);
    const organization = await t.post('/organizations', example('CreateOrganizationDto'), 'admin');
    expect([organization.status, organization.body.shortName]).toEqual([201, 'Diskominfo']);
    const year = await t.post('/fiscal-years', example('CreateFiscalYearDto'), 'admin');
    expect([year.status, year.body.year]).toEqual([201, 2028]);
  });
});
