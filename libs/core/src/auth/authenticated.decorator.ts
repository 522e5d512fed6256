import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse, ApiBadRequestResponse } from '@nestjs/swagger';
import { ApiPermission } from '../http/openapi';
import { ProblemResponse } from '../http/problem.response';
import { Permission, rolesWith } from './permissions';

export const AUTH_METADATA = 'grms:auth';

export type AuthMetadata = { public: true } | { public: false; permission: Permission };

/**
 * The route needs a bearer token whose user holds `permission`; adds the
 * OpenAPI security entry, the permission ("who may call it") and the
 * problem statuses every protected route shares (see http/openapi.ts).
 */
export function Authenticated(opts: { permission: Permission }) {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, { public: false, permission: opts.permission } satisfies AuthMetadata),
    ApiBearerAuth(),
    ApiPermission(opts.permission, rolesWith(opts.permission)),
    ApiUnauthorizedResponse({ type: ProblemResponse, description: 'no or invalid token' }),
    ApiForbiddenResponse({ type: ProblemResponse, description: `needs permission ${opts.permission} (roles: ${rolesWith(opts.permission).join(', ')})` }),
    ApiBadRequestResponse({ type: ProblemResponse, description: 'malformed request' }),
    ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown, or outside the user\'s organization' }),
  );
}

/** The route needs no token (login, health). */
export function Public() {
  return SetMetadata(AUTH_METADATA, { public: true } satisfies AuthMetadata);
}
