import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class RealizationBySourceQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'figures as of the end of this date (entries with a value date up to it); omitted: every entry posted' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'one OPD only (its own lines, not its units\'); omitted: every OPD the user may see' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json', description: 'csv/xlsx: the same rows and totals, with codes and names' })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class RealizationBySourceRow {
  @ApiProperty({ example: '2.2.1.01.03', description: 'funding source code (sumber dana)' }) code: string;
  @ApiProperty({ example: 'Dana Transfer Khusus-Dana Alokasi Khusus Fisik' }) name: string;
  @ApiProperty({ example: 5, description: 'level of the code in the funding-source list (1 = DANA UMUM / DANA KHUSUS)' }) level: number;
  @ApiProperty({ description: 'true for a source budget lines are on; false for a subtotal row of its parents' }) leaf: boolean;
  @ApiProperty({ description: 'earmarked (DANA KHUSUS, code 2.*: DAK, DBH CHT, BOS, ...): may be spent only on its purpose, reported apart from the general fund' }) earmarked: boolean;
  @ApiProperty({ example: '1250000000.00', description: 'appropriation (APPROPRIATION entries of expenditure lines, 5.*) as of the date' }) budget: string;
  @ApiProperty({ example: '312500000.00', description: 'realisation (DISBURSEMENT entries) by value date up to asOf' }) realized: string;
  @ApiProperty({ example: '937500000.00', description: 'budget - realized' }) remaining: string;
  @ApiProperty({ example: '25.00', description: 'realized / budget x 100, two decimals (half up); 0.00 without a budget' }) percent: string;
}

export class RealizationTotals {
  @ApiProperty({ example: '1250000000.00' }) budget: string;
  @ApiProperty({ example: '312500000.00' }) realized: string;
  @ApiProperty({ example: '937500000.00' }) remaining: string;
  @ApiProperty({ example: '25.00' }) percent: string;
}

export class RealizationBySourceReport {
  @ApiProperty({ example: 2026 }) fiscalYear: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-06-30', description: 'null: every entry posted' }) asOf: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: every OPD the user may see' }) organizationId: string | null;
  @ApiProperty({ nullable: true, type: String }) organizationCode: string | null;
  @ApiProperty({ nullable: true, type: String }) organizationName: string | null;
  @ApiProperty({ type: [RealizationBySourceRow], description: 'by code: every funding source with expenditure lines (leaf) under its parents (subtotals), DANA UMUM (1) before DANA KHUSUS (2)' })
  rows: RealizationBySourceRow[];
  @ApiProperty({ type: RealizationTotals, description: 'general fund (DANA UMUM, 1.*)' }) general: RealizationTotals;
  @ApiProperty({ type: RealizationTotals, description: 'earmarked funds (DANA KHUSUS, 2.*)' }) earmarked: RealizationTotals;
  @ApiProperty({ type: RealizationTotals, description: 'all expenditure: general + earmarked' }) totals: RealizationTotals;
}
