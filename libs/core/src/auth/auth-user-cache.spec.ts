import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AuthUserCache } from './auth-user-cache';

// A stand-in for the users table: each query answers the row as it is when the query is answered.
function fakeUsers() {
  const row = { id: 'u1', username: 'x', roles: ['AUDITOR'], organizationId: null, version: 1, active: true };
  const pending: (() => void)[] = [];
  let reads = 0;
  let hold = false;
  const ds = {
    query: () => {
      reads++;
      const answer = () => (row.active ? [{ id: row.id, username: row.username, roles: row.roles, organizationId: row.organizationId, version: row.version }] : []);
      if (!hold) return Promise.resolve(answer());
      const snapshot = answer();
      return new Promise((res) => pending.push(() => res(snapshot)));
    },
  } as unknown as DataSource;
  return { ds, row, reads: () => reads, hold: (h: boolean) => { hold = h; }, release: () => pending.splice(0).forEach((f) => f()) };
}

const cacheOf = (ds: DataSource, ms = 5000) => new AuthUserCache({ authCacheMs: ms } as AppConfig, ds);

describe('AuthUserCache', () => {
  it('reads a user once within the TTL and refuses another token version', async () => {
    const db = fakeUsers();
    const cache = cacheOf(db.ds);
    expect((await cache.user('u1', 1))?.username).toBe('x');
    expect((await cache.user('u1', 1))?.roles).toEqual(['AUDITOR']);
    expect(await cache.user('u1', 0)).toBeNull();
    expect(db.reads()).toBe(1);
  });

  it('sees a logout or deactivation at once after evict', async () => {
    const db = fakeUsers();
    const cache = cacheOf(db.ds);
    await cache.user('u1', 1);
    db.row.version = 2;
    cache.evict('u1');
    expect(await cache.user('u1', 1)).toBeNull();
    db.row.active = false;
    cache.evict('u1');
    expect(await cache.user('u1', 2)).toBeNull();
  });

  it('never keeps a read that started before an evict', async () => {
    const db = fakeUsers();
    const cache = cacheOf(db.ds);
    db.hold(true);
    const inFlight = cache.user('u1', 1); // reads the old row ...
    db.row.version = 2; // ... the logout commits ...
    cache.evict('u1');
    db.release();
    expect(await inFlight).not.toBeNull(); // the request that raced the logout answers as before it
    db.hold(false);
    expect(await cache.user('u1', 1)).toBeNull(); // but its row was not kept
  });

  it('reads every time with AUTH_CACHE_MS=0', async () => {
    const db = fakeUsers();
    const cache = cacheOf(db.ds, 0);
    await cache.user('u1', 1);
    await cache.user('u1', 1);
    expect(db.reads()).toBe(2);
  });
});
