import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NUMBER_LOCALES, NumberLocale } from '@grms/core';

const LOCALE_DESCRIPTION = 'how the file writes amounts: `en` (default) 1250000.50 or 1,250,000.50; `id` 1250000,50 or 1.250.000,50; XLSX number cells are read as numbers either way (docs/decisions/0414)';

export class ItemImportDto {
  @ApiPropertyOptional({ enum: NUMBER_LOCALES, default: 'en', description: LOCALE_DESCRIPTION }) @IsOptional() @IsIn(NUMBER_LOCALES) locale?: NumberLocale;
}

export class CashPlanImportDto extends ItemImportDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the OPD; defaults to the user\'s own' }) @IsOptional() @IsUUID() organizationId?: string;
}

/** The multipart schema of the locale option. */
export const LOCALE_PROPERTY = { locale: { type: 'string', enum: [...NUMBER_LOCALES], default: 'en', description: LOCALE_DESCRIPTION } };

export class CashPlanImportResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'budget lines whose plan was set' }) imported: number;
}

export class ItemImportResponse {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() imported: number;
  @ApiProperty({ example: '150000000.00', description: 'the document total after the import' }) total: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'xlsx']) format?: 'json' | 'xlsx';
}

export class ExportRowResponse {
  @ApiProperty({ enum: ['ACCOUNT', 'ITEM', 'TOTAL'] }) kind: string;
  @ApiProperty({ description: 'account code on ACCOUNT rows, e-HSB code on ITEM rows' }) code: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '10 orang x 2 hari' }) coefficients: string;
  @ApiProperty() volume: string;
  @ApiProperty() unit: string;
  @ApiProperty() unitPrice: string;
  @ApiProperty() vat: string;
  @ApiProperty() total: string;
}

export class DocumentExportResponse {
  @ApiProperty() title: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: [ExportRowResponse] }) rows: ExportRowResponse[];
}

export const UPLOAD_SCHEMA = (extra: Record<string, object>, required: string[]) => ({
  schema: { type: 'object', required: ['file', ...required], properties: { file: { type: 'string', format: 'binary', description: 'XLSX (first sheet) or CSV, header in the first non-empty row' }, ...extra } },
});
