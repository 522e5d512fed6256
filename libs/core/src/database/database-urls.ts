import type { AppConfig } from '../config/app-config';
import { APP_ROLE } from './embedded/app-role';
import { roleOf } from './migrate';

/** Who connects as what (decision 0020). */
export interface DatabaseUrls {
  /** The API's least-privileged role. */
  appUrl: string;
  /** The schema owner: migrations, seed, operator commands. */
  ownerUrl: string;
  /** The role to grant to after migrations; null when one role does both (no separation). */
  appRole: string | null;
}

export function databaseUrls(config: Pick<AppConfig, 'databaseUrl' | 'databaseOwnerUrl'>, embedded?: { url: string; appUrl: string }): DatabaseUrls {
  if (embedded) return { appUrl: embedded.appUrl, ownerUrl: embedded.url, appRole: APP_ROLE };
  const appUrl = config.databaseUrl!;
  const ownerUrl = config.databaseOwnerUrl ?? appUrl;
  const appRole = roleOf(ownerUrl) === roleOf(appUrl) ? null : roleOf(appUrl);
  return { appUrl, ownerUrl, appRole };
}
