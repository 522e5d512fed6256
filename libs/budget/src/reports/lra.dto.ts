import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const LRA_GROUPS = ['account', 'organization', 'program'] as const;
export type LraGroup = (typeof LRA_GROUPS)[number];

export class LraQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'realisation up to the end of this date, by value date (default: today, or 31 December of a past year)' })
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' }) asOf?: string;
  @ApiPropertyOptional({ enum: LRA_GROUPS, default: 'account', description: 'account: the statutory structure by account level; organization: the same per OPD (LRA SKPD); program: per program, kegiatan and sub kegiatan within each akun' })
  @IsOptional() @IsIn(LRA_GROUPS) groupBy?: LraGroup;
  @ApiPropertyOptional({ minimum: 1, maximum: 6, description: 'deepest account level shown (1 akun ... 6 sub rincian objek; default 3, jenis); with groupBy=program the deepest nomenclature level (3 program, 4 kegiatan, 5 sub kegiatan; default 5)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(6) level?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'one OPD (and its units); an OPD user reads its own only' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class LraAmounts {
  @ApiProperty({ example: '1000000.00', description: 'the original budget: APPROPRIATION (5.*) or ESTIMATE (4.*, 6.*) without the amendment (APBD-P)' }) budget: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'after an amendment (PERUBAHAN) up to asOf: the amended budget; null before' }) amendedBudget: string | null;
  @ApiProperty({ example: '250000.00', description: 'realisation up to asOf by value date: DISBURSEMENT (5.*) or REALIZATION (4.*, 6.*)' }) realized: string;
  @ApiProperty({ example: '-750000.00', description: 'more/(less): realized - (amendedBudget ?? budget)' }) difference: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '25.00', description: 'realized / (amendedBudget ?? budget) x 100, two decimals half-up; null when that budget is 0' }) percent: string | null;
}

export class LraRow extends LraAmounts {
  @ApiProperty({ example: '4.1', description: 'account code, nomenclature code, or SURPLUS, PEMBIAYAAN_NETTO, SILPA for the statutory totals' }) code: string;
  @ApiProperty({ example: 'PENDAPATAN ASLI DAERAH (PAD)' }) name: string;
  @ApiProperty({ description: 'account level 1-6 (nomenclature level 3-5 with groupBy=program; 0 for a statutory total)' }) level: number;
  @ApiProperty({ enum: ['REVENUE', 'EXPENDITURE', 'FINANCING', 'TOTAL'] }) section: string;
  @ApiPropertyOptional({ description: 'groupBy=organization: the OPD' }) organizationCode?: string;
  @ApiPropertyOptional() organizationName?: string;
  @ApiPropertyOptional({ description: 'groupBy=program: the akun the row is under (4, 5 or 6)' }) accountCode?: string;
}

export class LraTotals {
  @ApiProperty({ type: LraAmounts }) revenue: LraAmounts;
  @ApiProperty({ type: LraAmounts }) expenditure: LraAmounts;
  @ApiProperty({ type: LraAmounts, description: 'revenue - expenditure' }) surplus: LraAmounts;
  @ApiProperty({ type: LraAmounts }) financingReceipts: LraAmounts;
  @ApiProperty({ type: LraAmounts }) financingExpenditures: LraAmounts;
  @ApiProperty({ type: LraAmounts, description: 'financingReceipts - financingExpenditures' }) financingNet: LraAmounts;
  @ApiProperty({ type: LraAmounts, description: 'surplus + financingNet (SiLPA; negative: SiKPA)' }) silpa: LraAmounts;
}

export class LraResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ example: '2026-06-30' }) asOf: string;
  @ApiProperty({ enum: LRA_GROUPS }) groupBy: string;
  @ApiProperty() level: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) organizationId: string | null;
  @ApiProperty({ description: 'the code-list version whose names the rows carry' }) codeListVersion: string;
  @ApiProperty({ type: [LraRow] }) rows: LraRow[];
  @ApiProperty({ type: LraTotals }) totals: LraTotals;
}
