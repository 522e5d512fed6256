import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { NUMBER_LOCALES, NumberLocale } from '@grms/core';
import { HSB_CATEGORIES, HSB_CEILINGS, HsbCategory, HsbCeiling } from '../../items/hsb-item.types';

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class HsbImportDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ example: 'default', description: 'default | kota-malang-ssh' }) @IsOptional() @IsString() profile?: string;
  @ApiPropertyOptional({ enum: ['strict', 'partial'], default: 'strict', description: 'strict: any bad row, nothing written (422); partial: the good rows are written and the bad ones reported' })
  @IsOptional() @IsIn(['strict', 'partial']) mode?: 'strict' | 'partial';
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'report what would be imported without writing' })
  @IsOptional() @Transform(toBool) @IsBoolean() dryRun?: boolean;
  @ApiPropertyOptional({ enum: HSB_CATEGORIES, description: 'for profiles without a category column (kota-malang-ssh: SSH)' }) @IsOptional() @IsIn(HSB_CATEGORIES) category?: HsbCategory;
  @ApiPropertyOptional({ enum: HSB_CEILINGS, description: 'for profiles without a ceiling column (kota-malang-ssh: ESTIMATE)' }) @IsOptional() @IsIn(HSB_CEILINGS) ceiling?: HsbCeiling;
  @ApiPropertyOptional({ enum: NUMBER_LOCALES, description: 'how the file writes amounts: `en` 1250000.50 or 1,250,000.50; `id` 1250000,50 or 1.250.000,50. Default: the profile\'s (default: en, kota-malang-ssh: id). XLSX number cells are read as numbers either way (docs/decisions/0414)' })
  @IsOptional() @IsIn(NUMBER_LOCALES) locale?: NumberLocale;
}

export class ImportIssueResponse {
  @ApiProperty({ description: 'line number in the file' }) row: number;
  @ApiProperty({ example: 'HARGA SATUAN', description: 'the column, as the file names it (its header text)' }) field: string;
  @ApiPropertyOptional({ example: 'H', description: 'the column\'s letter in the sheet (absent when the column is not in the file)' }) column?: string;
  @ApiPropertyOptional({ example: 'price', description: 'the API field the column fills' }) apiField?: string;
  @ApiProperty() message: string;
}

export class HsbImportResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty() profile: string;
  @ApiProperty({ enum: ['strict', 'partial'] }) mode: string;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'data rows read' }) rows: number;
  @ApiProperty({ description: 'new items' }) imported: number;
  @ApiProperty({ description: 'items that changed (each got a new version)' }) updated: number;
  @ApiProperty({ description: 'items already identical' }) unchanged: number;
  @ApiProperty({ description: 'bad rows not written (partial mode, or dry run)' }) skipped: number;
  @ApiProperty({ type: [ImportIssueResponse] }) errors: ImportIssueResponse[];
  @ApiProperty({ type: [ImportIssueResponse], description: 'rows imported with a remark (an account left out, a repeated item)' }) warnings: ImportIssueResponse[];
}
