import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthUser } from '../context/request-context';

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
