import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CursorPageMeta, CursorPageQueryDto, IsMoney } from '@grms/core';

export const SUB_LEDGERS = ['CASH', 'BANK', 'TAX', 'PANJAR'] as const;
export type SubLedger = (typeof SUB_LEDGERS)[number];
export const FORMATS = ['json', 'csv', 'xlsx'] as const;

/** `page`/`limit` page the entries of the JSON book; csv/xlsx downloads carry every entry. */
export class BkuQueryDto extends CursorPageQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiPropertyOptional({ example: 2026, description: 'default: the year of `from`, else the latest year in EXECUTION' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS) format?: (typeof FORMATS)[number];
}

export class CreateBkuEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ example: '2026-03-15', description: 'within the fiscal year, not before the book\'s last entry' }) @IsISO8601({ strict: true }) entryDate: string;
  @ApiProperty({ enum: SUB_LEDGERS }) @IsIn(SUB_LEDGERS) subLedger: SubLedger;
  @ApiProperty({ enum: ['IN', 'OUT'] }) @IsIn(['IN', 'OUT']) direction: 'IN' | 'OUT';
  @IsMoney({ allowZero: false }) amount: string;
  @ApiPropertyOptional({ enum: SUB_LEDGERS, description: 'with direction OUT: move the amount to this sub-ledger (e.g. BANK -> CASH withdrawal)' })
  @IsOptional() @IsIn(SUB_LEDGERS) toSubLedger?: SubLedger;
  @ApiProperty({ example: 'withdrawal for petty cash' }) @IsString() @IsNotEmpty() @MaxLength(500) description: string;
  @ApiPropertyOptional({ example: 'Budi Santoso (PPTK)', description: 'required when PANJAR is involved: the activity officer who holds the advance (panjar)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) officer?: string;
}

export class BkuBalances {
  @ApiProperty({ example: '0.00' }) cash: string;
  @ApiProperty({ example: '0.00' }) bank: string;
  @ApiProperty({ example: '0.00' }) tax: string;
  @ApiProperty({ example: '0.00', description: 'advances held by activity officers' }) panjar: string;
  @ApiProperty({ example: '0.00' }) total: string;
}

export class BkuEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 1, description: 'the entry number in the book, 1..N per OPD and fiscal year, in the order written' }) no: number;
  @ApiProperty({ example: 1, description: 'same as no (kept for older clients)' }) seq: number;
  @ApiProperty({ nullable: true, type: String, example: 'SP2D-LS/1.01.0.00.0.00.01.0000/2026/000001', description: 'the number of the document that wrote the entry' }) documentNumber: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'PPH22', description: 'TAX entries: the tax type' }) taxCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'PANJAR entries: the activity officer holding the advance' }) officer: string | null;
  @ApiProperty({ example: '2026-03-15' }) entryDate: string;
  @ApiProperty({ enum: SUB_LEDGERS }) subLedger: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'Sp2d' }) sourceType: string;
  @ApiProperty({ nullable: true, type: String }) sourceId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'SP2D/2026/000001', description: 'the number of the source document (SP2D, SPJ, SPM, SPD); null for a manual entry' }) sourceNumber: string | null;
  @ApiProperty({ example: '50000.00', description: 'receipt (penerimaan), 0.00 for an expenditure' }) receipt: string;
  @ApiProperty({ example: '0.00', description: 'expenditure (pengeluaran), 0.00 for a receipt' }) expenditure: string;
  @ApiProperty({ description: 'the sub-ledger balance after the entry' }) subBalance: string;
  @ApiProperty({ description: 'the running balance of the whole book after the entry, never negative' }) balance: string;
}

export class BkuResponse {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: '1.01.0.00.0.00.01.0000' }) organizationCode: string;
  @ApiProperty({ example: 'Dinas Pendidikan dan Kebudayaan' }) organizationName: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: BkuBalances }) opening: BkuBalances;
  @ApiProperty({ type: [BkuEntryResponse], description: 'the entries of the requested page, in entry order (API.md\'s list shape `{ data, meta }`; `entries` holds the same rows)' }) data: BkuEntryResponse[];
  @ApiProperty({ type: [BkuEntryResponse], description: 'the same rows as `data`, under the name the cash book had first' }) entries: BkuEntryResponse[];
  @ApiProperty({ type: BkuBalances }) closing: BkuBalances;
  @ApiProperty({ type: CursorPageMeta, description: 'paging of `entries`: `total` is the number of entries in the range (numbered pages only); opening and closing are those of the whole range' }) meta: CursorPageMeta;
}
