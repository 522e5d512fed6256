import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import { AuthUser } from '../context/request-context';
import { BearerTokenVerifier } from './bearer-token';

interface BearerRequest { headers: Record<string, string | string[] | undefined> }

// passport's 'jwt' strategy of this API: the guard authenticates through
// passport as before; the token is read and verified by BearerTokenVerifier,
// which checks an HS256 signature once per process and keeps the verified
// token until it expires (decision 0065), and the user behind it comes from
// AuthUserCache on every request (decision 0061): roles, organization, token
// version and whether the user is active, so a logout or a change of roles
// takes effect as before.
@Injectable()
export class JwtStrategy extends PassportStrategy(passport.Strategy, 'jwt') {
  constructor(private readonly tokens: BearerTokenVerifier) {
    super();
  }

  override authenticate(req: BearerRequest): void {
    this.tokens.user(req.headers.authorization).then(
      (user) => (user ? this.success(user) : this.fail(401)),
      (err: unknown) => this.error(err instanceof Error ? err : new Error(String(err))),
    );
  }

  /** Not called: authenticate() decides (passport's verify callback is not used by this strategy). */
  validate(): AuthUser | false {
    return false;
  }
}
