import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The deepest page number a list answers (decision 0521): no one pages a
 * million pages by hand, and a deeper OFFSET only makes the database walk
 * past rows; lists with a cursor go on from there.
 */
export const PAGE_MAX = 1_000_000;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PAGE_MAX)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 50;
}

export class PageMeta {
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ description: 'number of records matching the filters' }) total: number;
}

export interface Page<T> {
  data: T[];
  meta: PageMeta;
}

export function offsetOf(q: PageQueryDto): number {
  return (q.page - 1) * q.limit;
}

export function pageOf<T>(data: T[], total: number | string, q: PageQueryDto): Page<T> {
  return { data, meta: { page: q.page, limit: q.limit, total: Number(total) } };
}

/** Swagger: `{ data: Model[], meta: <meta> }`, the one shape of every list (numbered or cursor pages). */
export function ApiListResponse(meta: ClassType<unknown>, model: ClassType<unknown>) {
  return applyDecorators(
    ApiExtraModels(meta, model),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['data', 'meta'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(model) } },
          meta: { $ref: getSchemaPath(meta) },
        },
      },
    }),
  );
}

/** Swagger: `{ data: Model[], meta: PageMeta }`. */
export function ApiPage(model: ClassType<unknown>) {
  return ApiListResponse(PageMeta, model);
}
