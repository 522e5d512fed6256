import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import type { Request } from 'express';
import { AuthUser } from '../context/request-context';
import { ProblemResponse } from '../http/problem.response';
import { UserResponse } from '../users/dto/user.response';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { Authenticated, Public } from './authenticated.decorator';
import { BodyLimit } from '../http/body-limits';
import { CurrentUser } from './current-user.decorator';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { Permission } from './permissions';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly users: UsersService) {}

  @Post('login')
  @ApiOperation({ summary: 'Log in', description: 'Exchanges a username and password for a bearer token (JWT). Anyone may call it. Five failures for one account, or 30 from one address, within 15 minutes block further attempts for 15 minutes.' })
  @ApiProblems({ 400: [], 503: [] })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ProblemResponse, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ProblemResponse, description: 'LOGIN_THROTTLED: too many failed logins for the account or address' })
  @BodyLimit('4kb', 'a username of up to 64 and a password of up to 256 characters')
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto, req.ip ?? 'unknown');
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated({ permission: Permission.AUTH_SELF })
  @ApiOperation({
    summary: 'Log out: revoke every token of the calling user',
    description: 'Any authenticated user, for itself. Raises the user\'s token version, so this token and every other token issued to the user before stop working at once (401 on the next request); log in again for a new one. Changing the password or deactivating the account revokes tokens the same way.',
  })
  @ApiNoContentResponse({ description: 'the tokens are revoked' })
  @BodyLimit('1kb', 'no body')
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user', description: 'The account of the token\'s user.' })
  @Authenticated({ permission: Permission.AUTH_SELF })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return this.users.get(user.id);
  }
}
