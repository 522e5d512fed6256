import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/domain-error';
import { assertBodyShape } from './input-guard';
import { cacheValidationMetadata } from './validation-metadata-cache';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.value === undefined && e.constraints && !e.children?.length) {
      // a missing required field: one message, not the list of rules its value would have to meet
      out.push({ field, message: `${field} is required` });
      continue;
    }
    for (const msg of Object.values(e.constraints ?? {})) {
      out.push({ field, message: msg.replace(/^property (\S+) should not exist$/, `unknown field "$1"`) });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * The fields of a multipart upload (an import's `fiscalYear`, `profile`, `locale`) are parsed by multer inside
 * the route's interceptor, after the input guard's middleware has seen the request: they get the same checks here
 * (no NUL, no half surrogate pair, no prototype key), before validation. Multer's body is the one body with no
 * prototype; a JSON body was checked by the middleware already.
 */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null) assertBodyShape(value);
    return super.transform(value, metadata);
  }
}

// whitelist + forbidNonWhitelisted + transform, with field errors in the
// problem document.
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: `invalid request: ${fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
        errors: fieldErrors,
      });
    },
  });
}
