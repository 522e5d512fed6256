export { startEmbeddedPostgres } from './embedded-postgres';
export { registerShutdown } from './register-shutdown';
export type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './embedded-postgres-types';
export { APP_ROLE } from './app-role';
export { resetEmbeddedData } from './reset';
export { startEmbeddedStandby } from './standby';
export type { EmbeddedStandbyHandle, EmbeddedStandbyOptions } from './standby';
export { clusterFolder } from './data-dir';
