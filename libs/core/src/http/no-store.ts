import type { NextFunction, Request, Response } from 'express';

/**
 * `Cache-Control: no-store` on every API response (data, exports, problems
 * and the login token alike): nothing a user was shown is kept by a browser
 * or an intermediate cache. A route may not loosen it.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
}
