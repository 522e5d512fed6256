import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '@grms/core';

/** The date a controlling report is about: `asOf`, else the end of `month`, else the end of the current month (inside the year). */
export class ControllingQueryDto extends PageQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'the report is as of this month\'s last day' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
  @ApiPropertyOptional({ example: '2026-09-30', description: 'any date of the fiscal year (instead of month)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'one OPD (and its units); OPD users see their own whatever they ask' }) @IsOptional() @IsUUID() organizationId?: string;
}

export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export class ControllingExportQueryDto extends ControllingQueryDto {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'json is paged; csv and xlsx carry every row' }) @IsOptional() @IsIn(FORMATS) format?: Format;
}
