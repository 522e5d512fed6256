import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DomainError } from '../errors/domain-error';

/** ASVS 4.0 V2.1.1: at least 12 characters. */
export const MIN_PASSWORD_LENGTH = 12;
/** The password of the seeded demo accounts: never accepted for a user created or changed through the API, refused at login in production. */
export const DEMO_PASSWORD = 'grms-demo';

const LIST = join('data', 'security', 'common-passwords.txt');

/** Finds data/security/common-passwords.txt from the working directory or from this file upwards. */
export function findCommonPasswordList(): string {
  const given = process.env.GRMS_COMMON_PASSWORDS;
  if (given) return given;
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, LIST))) return join(dir, LIST);
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`${LIST} was not found: run from the GRMS checkout or set GRMS_COMMON_PASSWORDS`);
}

let common: Set<string> | undefined;
/** The common-password list (lower case), read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(readFileSync(findCommonPasswordList(), 'utf8').split(/\r?\n/).map((l) => l.trim().toLowerCase()).filter(Boolean));
  return common;
}

/**
 * Why a new password is refused, or null when it is acceptable (ASVS L2,
 * V2.1): at least 12 characters, not only blanks or one repeated character,
 * not on the common-password list, not containing the user's own names and
 * not the demo password. No composition rules.
 */
export function passwordWeakness(password: string, user: { username: string; fullName?: string | null }): string | null {
  const lower = password.toLowerCase();
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.trim() === '' || new Set(lower).size === 1) return 'must not be only blanks or one repeated character';
  if (lower.includes(DEMO_PASSWORD)) return 'must not contain the demo password';
  if (commonPasswords().has(lower) || commonPasswords().has(lower.trim())) return 'is one of the most common passwords';
  const names = [user.username, ...user.username.split(/[._-]+/), ...(user.fullName ?? '').split(/\s+/)]
    .map((n) => n.toLowerCase()).filter((n) => n.length >= 4);
  const own = names.find((n) => lower.includes(n));
  if (own) return `must not contain the user's own name ("${own}")`;
  return null;
}

/** Throws 400 WEAK_PASSWORD naming the field `password` when the policy refuses it. */
export function assertPasswordPolicy(password: string, user: { username: string; fullName?: string | null }): void {
  const weakness = passwordWeakness(password, user);
  if (weakness) throw DomainError.invalid(`password ${weakness}`, [{ field: 'password', message: weakness }], 'WEAK_PASSWORD');
}
