import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/domain-error';
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

// whitelist + forbidNonWhitelisted + transform, with field errors in the
// problem document.
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
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
