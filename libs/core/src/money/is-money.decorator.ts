import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { MONEY_PATTERN } from './money';

export interface IsMoneyOptions {
  /** allow zero (default true) */
  allowZero?: boolean;
  /** allow negative amounts (default false) */
  allowNegative?: boolean;
}

/**
 * A money field: a decimal string with at most two decimals. A JSON number is
 * refused so that no amount ever passes through a float.
 */
export function IsMoney(opts: IsMoneyOptions = {}, validation?: ValidationOptions, api?: ApiPropertyOptions) {
  const allowZero = opts.allowZero ?? true;
  const allowNegative = opts.allowNegative ?? false;
  const rule = (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName,
      options: validation,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          const v = value.trim();
          if (!MONEY_PATTERN.test(v)) return false;
          if (!allowNegative && v.startsWith('-')) return false;
          if (!allowZero && /^-?0+(\.0+)?$/.test(v)) return false;
          return true;
        },
        defaultMessage() {
          const sign = allowNegative ? '' : allowZero ? 'non-negative ' : 'positive ';
          return `${propertyName} must be a ${sign}money amount as a decimal string with at most two decimals, e.g. "1250000.00" (JSON numbers are not accepted)`;
        },
      },
    });
  return applyDecorators(
    ApiProperty({ type: String, example: '1250000.00', pattern: MONEY_PATTERN.source, ...(api ?? {}) }),
    rule as PropertyDecorator,
  );
}
