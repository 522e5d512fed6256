import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '@grms/core';

export const PROGRAM_CODE_PATTERN = /^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){0,6}$/;
export const PROGRAM_CODE = { example: '1.01.02', description: 'one program (nomenclature level 3): its kegiatan, sub kegiatan and packages; a code that is not a program is 422 UNKNOWN_PROGRAM' };

/** The date a controlling report is about: `asOf`, else the end of `month`, else the end of the current month (inside the year). */
export class ControllingQueryDto extends PageQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'the report is as of this month\'s last day' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
  @ApiPropertyOptional({ example: '2026-09-30', description: 'any date of the fiscal year (instead of month)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'one OPD (and its units); OPD users see their own whatever they ask' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional(PROGRAM_CODE) @IsOptional() @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be a nomenclature code such as 1.01.02' }) programCode?: string;
}

export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export class ControllingExportQueryDto extends ControllingQueryDto {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'json is paged; csv and xlsx carry every row' }) @IsOptional() @IsIn(FORMATS) format?: Format;
}
