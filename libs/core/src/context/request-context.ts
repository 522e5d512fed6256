import { AsyncLocalStorage } from 'node:async_hooks';

export interface AuthUser {
  id: string;
  username: string;
  roles: string[];
  organizationId: string | null;
}

export interface RequestContextData {
  requestId: string;
  ip?: string;
  user?: AuthUser;
}

const storage = new AsyncLocalStorage<RequestContextData>();

// Carries the request id and the authenticated user through async calls so
// that the audit trail and the ledger can name who did what.
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  get(): RequestContextData | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  user(): AuthUser | undefined {
    return storage.getStore()?.user;
  },
  setUser(user: AuthUser): void {
    const s = storage.getStore();
    if (s) s.user = user;
  },
};
