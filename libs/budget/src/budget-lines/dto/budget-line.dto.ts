import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CursorPageQueryDto } from '@grms/core';
import { LedgerKind } from '../../ledger/ledger.types';

export class BudgetLineQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ description: 'a sub kegiatan code, or a prefix of it (program, kegiatan)' }) @IsOptional() @IsString() @MaxLength(60) subActivityCode?: string;
  @ApiPropertyOptional({ description: 'an account code, or a prefix of it (e.g. 5.1.02)' }) @IsOptional() @IsString() @MaxLength(60) accountCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) fundingSourceCode?: string;
  @ApiPropertyOptional({ example: '2026-03-31', description: 'balances as of the end of this date: the sums of the entries with a value date up to it' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json', description: 'csv/xlsx: every line matching the filters (not paged), with codes and names' })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class BudgetLineAsOfQueryDto {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'balances as of the end of this date: the sums of the entries with a value date up to it' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) asOf?: string;
}

export class BudgetLineResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() subActivityCode: string;
  @ApiProperty() subActivityName: string;
  @ApiProperty() accountCode: string;
  @ApiProperty() accountName: string;
  @ApiProperty() fundingSourceCode: string;
  @ApiProperty() fundingSourceName: string;
  @ApiProperty({ example: '1250000.00' }) appropriated: string;
  @ApiProperty({ example: '0.00' }) allotted: string;
  @ApiProperty({ example: '0.00', description: 'outstanding commitments (contracts signed, SPM issued) not yet disbursed' }) committed: string;
  @ApiProperty({ example: '0.00' }) disbursed: string;
  @ApiProperty({ example: '1250000.00', description: 'appropriated - committed - disbursed: what can still be committed or spent' }) available: string;
  @ApiProperty({ example: '0.00', description: 'allotted - disbursed: cash provided by SPD and not yet disbursed' }) allottedUnspent: string;
  @ApiProperty({ example: '0.00', description: 'revenue (4.*) and financing (6.*) lines: the budgeted amount (ESTIMATE entries); 0 on expenditure lines' }) estimated: string;
  @ApiProperty({ example: '0.00', description: 'revenue (4.*) and financing (6.*) lines: what is realised (REALIZATION entries: deposit slips, financing realisations); 0 on expenditure lines' }) realized: string;
  @ApiPropertyOptional({ example: '2026-03-31', description: 'present when asked with asOf: the balances are those at the end of this date' }) asOf?: string;
}

export class LedgerEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'global order of posting' }) seq: string;
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty({ enum: LedgerKind }) kind: LedgerKind;
  @ApiProperty({ example: '1250000.00', description: 'signed amount' }) amount: string;
  @ApiProperty({ example: 'BudgetDocument' }) sourceType: string;
  @ApiProperty() sourceId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) reversesEntryId: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorUsername: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ example: '2026-03-15', description: "the document's legal date (SP2D, SPJ, SPD or DPA approval date); reports by month use it" }) valueDate: string;
  @ApiProperty({ description: 'when the entry was written' }) createdAt: string;
}
