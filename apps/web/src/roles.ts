// The roles of GRMS, read at build time from the API's own list (libs/core
// auth/roles.ts), so the web app never keeps a copy that could drift
// (decision 0519). That file is plain constants that import nothing: esbuild
// bundles it alone, no server code comes with it (roles.spec.ts keeps it so).
// It is imported by path, not through @grms/core, whose public face is the
// server's (NestJS, TypeORM): the lint rule against deep imports guards the
// libs' boundaries on the server, not this one build-time constant.
// eslint-disable-next-line no-restricted-imports
import { ALL_ROLES, OPD_ROLES as CORE_OPD_ROLES } from '../../../libs/core/src/auth/roles';

export const ROLES: readonly string[] = ALL_ROLES;

/** Roles whose holder works for one organization (the API refuses them without one). */
export const OPD_ROLES: readonly string[] = [...CORE_OPD_ROLES];
