export { startEmbeddedPostgres } from './embedded-postgres';
export { registerShutdown } from './register-shutdown';
export type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './embedded-postgres-types';
export { resetEmbeddedData } from './reset';
