import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// Every response an end-to-end test receives is checked against the
// application's own OpenAPI document: the status must be documented for the
// operation, the content type must be one the operation declares for that
// status, and a JSON body must match its schema. A violation fails the test
// (see test-app.ts), so the document cannot drift from the code.

type Content = Record<string, { schema?: object }>;
type Operation = { responses: Record<string, { content?: Content }> };
interface Document { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, object> } }

interface Route { template: string; pattern: RegExp; params: number; ops: Record<string, Operation> }

const JSON_TYPES = /^application\/(.+\+)?json$/;

export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: Document) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: this.rewrite(doc.components ?? {}) });
    this.routes = Object.entries(doc.paths).map(([template, ops]) => ({
      template,
      ops,
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`),
    })).sort((a, b) => a.params - b.params);
  }

  /** null when the response is what the document says, else what is wrong. */
  check(method: string, url: string, status: number, contentType: string | undefined, body: string): string | null {
    const path = url.split('?')[0];
    if (path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-')) return null; // the document and its UI
    if (/^\/app\.(js|css)(\.map|\.LEGAL\.txt)?$/.test(path)) return null; // the web app's bundle (apps/web), not the API
    const route = this.routes.find((r) => r.pattern.test(path));
    const where = `${method.toUpperCase()} ${url} answered ${status}`;
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const op = route?.ops[method.toLowerCase()];
    if (!route || !op) {
      // not an operation of the contract (an unknown route): only a problem document may answer
      return status === 404 && type === 'application/problem+json' ? null : `${where}: no such operation in the document`;
    }
    const documented = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
    if (!documented) return `${where}: status ${status} is not documented for ${method.toUpperCase()} ${route.template} (documented: ${Object.keys(op.responses).join(', ')})`;
    if (!documented.content || body.length === 0) {
      if (documented.content && status !== 204 && body.length === 0 && method.toUpperCase() !== 'HEAD') return `${where}: empty body, documented ${Object.keys(documented.content).join(', ')}`;
      return null;
    }
    const media = documented.content[type];
    if (!media) return `${where}: content type "${type}" is not documented (documented: ${Object.keys(documented.content).join(', ')})`;
    if (!JSON_TYPES.test(type) || !media.schema) return null;
    let parsed: unknown;
    try { parsed = JSON.parse(body); } catch { return `${where}: the body is not JSON`; }
    const validate = this.validator(`${route.template} ${method} ${status} ${type}`, media.schema);
    if (validate(parsed)) return null;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    return `${where}: the body does not match the documented schema: ${errors}`;
  }

  /** null when `value` matches `schema` (which may name the document's components), else what is wrong. */
  validate(key: string, schema: object, value: unknown): string | null {
    const validate = this.validator(key, schema);
    return validate(value) ? null : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
  }

  /** Checks every response the server sends; violations are collected. */
  watch(server: Server, violations: string[]): void {
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...a: unknown[]) => boolean;
      const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
      const keep = (chunk: unknown, encoding?: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8'));
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => { keep(chunk, rest[0]); return write(chunk, ...rest); }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => { keep(chunk, rest[0]); return end(chunk, ...rest); }) as typeof res.end;
      res.once('finish', () => {
        const header = res.getHeader('content-type');
        const problem = this.check(req.method ?? 'GET', req.url ?? '/', res.statusCode, header === undefined ? undefined : String(header), Buffer.concat(chunks).toString('utf8'));
        if (problem) violations.push(problem);
      });
    });
  }

  private validator(key: string, schema: object): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) {
      v = this.ajv.compile(this.rewrite(schema));
      this.compiled.set(key, v);
    }
    return v;
  }

  private rewrite<T>(schema: T): T {
    return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"openapi#/')) as T;
  }
}
