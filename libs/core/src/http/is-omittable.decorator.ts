import { ValidateIf } from 'class-validator';

/**
 * For a field of an update (PATCH) that may be left out but never set to
 * null: instead of `@IsOptional()`, which takes null as "left out" and hands
 * it to the service, where `dto.x !== undefined` then writes null into a NOT
 * NULL column (500) or over a value (decision 0521). With this, an absent
 * field skips its rules and null goes through them, so `@IsString()` and the
 * like refuse it with 400 naming the field. Fields that may be cleared keep
 * `@IsOptional()` and say `nullable: true` in the document.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
