import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader } from '@nestjs/swagger';
import { ProblemResponse } from '../http/problem.response';
import { IDEMPOTENT_METADATA, IDEMPOTENT_PREPARED_METADATA, IdempotencyInterceptor } from './idempotency.interceptor';

export { IDEMPOTENT_METADATA };

/** POST that creates a financial document: honours the Idempotency-Key header (the interceptor runs on these routes only). */
export function Idempotent(options: { preparedStatements?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, true),
    // the key's claim opens the unit of work: with this option its statements go prepared from the claim on (decision 0027)
    SetMetadata(IDEMPOTENT_PREPARED_METADATA, options.preparedStatements === true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a client-chosen key (8-200 characters); a retry with the same key and body returns the first response, with another body it is refused (409 IDEMPOTENCY_KEY_REUSED). Kept 24 hours or more, per user.' }),
    ApiConflictResponse({ type: ProblemResponse, description: 'IDEMPOTENCY_KEY_REUSED, or a state conflict' }),
  );
}
