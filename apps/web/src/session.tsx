import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { post, setToken, whenExpired } from './api';

export interface User { id: string; username: string; fullName: string; roles: string[]; organizationId: string | null }
interface LoginResponse { accessToken: string; user: User }

interface Session {
  user: User | null;
  /** The token ran out mid-work: the page stays mounted (and its drafts kept) under a login dialog. */
  expired: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => void;
  has: (...roles: string[]) => boolean;
}

const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(() => {
    const s = sessionStorage.getItem('grms.user');
    return s ? (JSON.parse(s) as User) : null;
  });
  const [expired, setExpired] = useState(false);
  useEffect(() => whenExpired(() => setExpired(true)), []);
  const login = useCallback(async (username: string, password: string) => {
    const res = await post<LoginResponse>('/auth/login', { username, password });
    if (user && expired && res.user.username !== user.username) {
      // another person at the same screen: the drafts of the first stay theirs
      setToken(null);
      throw new Error(user.username);
    }
    setToken(res.accessToken);
    sessionStorage.setItem('grms.user', JSON.stringify(res.user));
    setUser(res.user);
    setExpired(false);
  }, [user, expired]);
  const logout = useCallback(() => {
    void post('/auth/logout').catch(() => undefined);
    setToken(null);
    sessionStorage.removeItem('grms.user');
    sessionStorage.removeItem('grms.year');
    setUser(null);
    setExpired(false);
    location.hash = '';
  }, []);
  const has = useCallback((...roles: string[]) => !!user && user.roles.some((r) => roles.includes(r)), [user]);
  return <Ctx.Provider value={{ user, expired, login, logout, has }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const s = useContext(Ctx);
  if (!s) throw new Error('no session provider');
  return s;
}

/**
 * Form state kept in this browser's localStorage under the user and a key:
 * a session that expires mid-form, or a reload, loses nothing. `clear` after
 * the API has taken the form.
 */
export function useDraft<T>(key: string, initial: T): [T, (v: T | ((old: T) => T)) => void, () => void] {
  const { user } = useSession();
  const storageKey = `grms.draft.${user?.username ?? 'anonymous'}.${key}`;
  const [value, setValue] = useState<T>(() => {
    const s = localStorage.getItem(storageKey);
    if (!s) return initial;
    try { return { ...initial, ...(JSON.parse(s) as T) }; } catch { return initial; }
  });
  const set = useCallback((v: T | ((old: T) => T)) => {
    setValue((old) => {
      const next = typeof v === 'function' ? (v as (o: T) => T)(old) : v;
      localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  }, [storageKey]);
  const clear = useCallback(() => { localStorage.removeItem(storageKey); setValue(initial); }, [storageKey, initial]);
  return [value, set, clear];
}
