import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthUser } from '../context/request-context';
import { AuthUserCache } from './auth-user-cache';
import { bearerTokenOf, BearerTokenVerifier } from './bearer-token';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';
const ID = '6f1c2b1e-8d7a-4c1e-9d2f-0a1b2c3d4e5f';
const USER: AuthUser = { id: ID, username: 'auditor', roles: ['AUDITOR'], organizationId: null };

function setup() {
  const jwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256' } });
  const asked: [string, number][] = [];
  const users = { user: async (id: string, ver: number) => { asked.push([id, ver]); return ver === 1 ? { ...USER } : null; } } as unknown as AuthUserCache;
  const verifier = new BearerTokenVerifier({ jwtSecret: SECRET } as AppConfig, jwt, users);
  return { jwt, verifier, asked };
}

describe('BearerTokenVerifier', () => {
  afterEach(() => jest.useRealTimers());

  it('reads the token of a Bearer header only', () => {
    expect(bearerTokenOf('Bearer abc')).toBe('abc');
    expect(bearerTokenOf('bearer   abc')).toBe('abc');
    expect(bearerTokenOf('Basic abc')).toBeNull();
    expect(bearerTokenOf('Bearer')).toBeNull();
    expect(bearerTokenOf(undefined)).toBeNull();
  });

  it('answers the user of a valid token, and asks AuthUserCache on every request, cached token or not', async () => {
    const { jwt, verifier, asked } = setup();
    const token = jwt.sign({ sub: ID, username: 'auditor', ver: 1 }, { expiresIn: 60 });
    expect(await verifier.user(`Bearer ${token}`)).toEqual(USER);
    expect(await verifier.user(`Bearer ${token}`)).toEqual(USER);
    expect(asked).toEqual([[ID, 1], [ID, 1]]);
    // a token version that is no longer current is refused even though its signature was verified before
    const old = jwt.sign({ sub: ID, username: 'auditor', ver: 0 }, { expiresIn: 60 });
    expect(await verifier.user(`Bearer ${old}`)).toBe(false);
    expect(await verifier.user(`Bearer ${old}`)).toBe(false);
  });

  it('refuses a tampered token, a token of another secret and a token without a version', async () => {
    const { jwt, verifier } = setup();
    const token = jwt.sign({ sub: ID, username: 'auditor', ver: 1 }, { expiresIn: 60 });
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: ID, username: 'auditor', ver: 1, exp: Math.floor(Date.now() / 1000) + 3600, roles: ['ADMIN'] })).toString('base64url');
    expect(await verifier.user(`Bearer ${h}.${forged}.${s}`)).toBe(false);
    expect(await verifier.user(`Bearer ${p}`)).toBe(false);
    const other = new JwtService({ secret: 'another-secret-of-more-than-thirty-two-chars!' }).sign({ sub: ID, ver: 1 }, { expiresIn: 60 });
    expect(await verifier.user(`Bearer ${other}`)).toBe(false);
    expect(await verifier.user(`Bearer ${jwt.sign({ sub: ID }, { expiresIn: 60 })}`)).toBe(false);
    expect(await verifier.user(undefined)).toBe(false);
  });

  it('refuses a kept token from the second its expiry is reached, as jsonwebtoken does', async () => {
    const { jwt, verifier } = setup();
    jest.useFakeTimers({ now: new Date('2026-11-30T08:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const token = jwt.sign({ sub: ID, username: 'auditor', ver: 1 }, { expiresIn: 10 });
    expect(await verifier.user(`Bearer ${token}`)).toEqual(USER);
    jest.setSystemTime(new Date('2026-11-30T08:00:09.900Z'));
    expect(await verifier.user(`Bearer ${token}`)).toEqual(USER);
    jest.setSystemTime(new Date('2026-11-30T08:00:10.000Z'));
    expect(await verifier.user(`Bearer ${token}`)).toBe(false);
    expect(() => jwt.verify(token)).toThrow(/expired/);
    expect(await verifier.user(`Bearer ${token}`)).toBe(false);
  });
});
