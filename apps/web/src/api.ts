// The one HTTP client of the web app: the public REST API, nothing private.
// Errors arrive as RFC 9457 problem details; they are kept whole so that a
// form can put each `errors[].field` next to its field and show `detail`
// (a refusal's arithmetic) exactly as the API wrote it.

export interface FieldProblem { field: string; message: string }
export interface Problem { type?: string; title?: string; status: number; code?: string; detail?: string; errors?: FieldProblem[] }

export class ApiError extends Error {
  constructor(readonly problem: Problem) { super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`); }
  get status(): number { return this.problem.status; }
  /** The message the API gave for a field (its path, e.g. "lines.0.amount", or its last part). */
  field(name: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === name || e.field.endsWith(`.${name}`))?.message;
  }
}

export interface Page<T> { data: T[]; meta: { page: number; limit: number; total: number } }

let token: string | null = sessionStorage.getItem('grms.token');
let onExpired: () => void = () => undefined;

export function setToken(t: string | null): void {
  token = t;
  if (t) sessionStorage.setItem('grms.token', t); else sessionStorage.removeItem('grms.token');
}
export const currentToken = (): string | null => token;
export function whenExpired(fn: () => void): void { onExpired = fn; }

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return answer<T>(await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), path);
}

/** The body of an answer, or its problem thrown as an ApiError (a 401 with a token: the session expired). */
async function answer<T>(res: Response, path: string): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
  if (!res.ok) {
    const problem = (parsed && typeof parsed === 'object' ? parsed : { title: text }) as Problem;
    problem.status = res.status;
    if (res.status === 401 && token && !path.startsWith('/auth/login')) onExpired();
    throw new ApiError(problem);
  }
  return parsed as T;
}

export const get = <T>(path: string): Promise<T> => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}): Promise<T> => api<T>('POST', path, body);

/** Query string from the defined values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Downloads an export (CSV/XLSX) with the token, under the name the API gives. */
export async function download(path: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new ApiError({ status: res.status, title: res.statusText });
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url; a.download = name; a.click();
  URL.revokeObjectURL(url);
}

/** Sends a multipart form (a file upload) with the token; the answer and the problems as `api` gives them. */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return answer<T>(await fetch(`/api/v1${path}`, { method: 'POST', headers, body: form }), path);
}
