import { RequestMethod } from '@nestjs/common';

export const API_PREFIX = 'api/v1';

/** Routes outside the API prefix: the site root, the API index itself and the health check. */
export const PREFIX_EXCLUDE = [
  { path: '/', method: RequestMethod.GET },
  { path: API_PREFIX, method: RequestMethod.GET },
  { path: 'health', method: RequestMethod.GET },
];
