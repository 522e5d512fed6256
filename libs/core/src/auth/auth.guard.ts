import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { AuthUser, RequestContext } from '../context/request-context';
import { DomainError, ErrorKind } from '../errors/domain-error';
import { AUTH_METADATA, AuthMetadata } from './authenticated.decorator';
import { hasPermission } from './permissions';
import { isDatabaseDown } from '../http/database-down';

// Deny by default: a route without @Authenticated or @Public is refused.
@Injectable()
export class GrmsAuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.getAllAndOverride<AuthMetadata | undefined>(AUTH_METADATA, [ctx.getHandler(), ctx.getClass()]);
    if (!meta) throw DomainError.forbidden('this route has no access rule and is closed', 'ROUTE_NOT_CONFIGURED');
    if (meta.public) return true;
    await super.canActivate(ctx);
    const user = ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
    RequestContext.setUser(user);
    if (!hasPermission(user.roles, meta.permission)) {
      throw DomainError.forbidden(`your roles (${user.roles.join(', ')}) do not allow this action (needs ${meta.permission})`);
    }
    return true;
  }

  override handleRequest<TUser = AuthUser>(err: unknown, user: TUser | false): TUser {
    if (err && isDatabaseDown(err)) {
      throw new DomainError('DATABASE_UNAVAILABLE', 'the database is not reachable; try again shortly', ErrorKind.UNAVAILABLE);
    }
    if (err || !user) {
      throw new DomainError('UNAUTHENTICATED', 'a valid bearer token is required: log in at POST /api/v1/auth/login and send Authorization: Bearer <accessToken>', ErrorKind.UNAUTHENTICATED);
    }
    return user;
  }
}
