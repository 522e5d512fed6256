import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { FORMATS } from './bku.dto';

/** The subsidiary books (buku pembantu) of the treasurer's cash book. */
export const BOOKS = ['cash', 'bank', 'tax', 'panjar', 'rincian-objek'] as const;
export type BookKind = (typeof BOOKS)[number];

export class BookQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ example: 'PPN', description: 'tax book: one tax type' }) @IsOptional() @IsString() @Matches(/^[A-Z0-9_]{2,30}$/) taxCode?: string;
  @ApiPropertyOptional({ example: 'Budi Santoso (PPTK)', description: 'panjar book: one officer' }) @IsOptional() @IsString() officer?: string;
  @ApiPropertyOptional({ example: '5.1.02.01.01', description: 'rincian objek book: an account code prefix' }) @IsOptional() @IsString() @Matches(/^[0-9](\.[0-9]+)*$/) accountCode?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'entries up to this date (a month-end book)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS) format?: (typeof FORMATS)[number];
}

export class BookRow {
  @ApiProperty({ example: 1, description: 'row number in this book' }) no: number;
  @ApiProperty({ example: 12, nullable: true, type: Number, description: 'the BKU entry number (cash, bank, tax books)' }) bkuNo: number | null;
  @ApiProperty({ example: '2026-03-05' }) date: string;
  @ApiProperty({ nullable: true, type: String, example: 'bukti BKT-001' }) documentNumber: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'PPN', description: 'the tax type (tax book), the officer (panjar book) or the rincian objek code (rincian objek book)' }) group: string;
  @ApiProperty({ nullable: true, type: String, description: 'the rincian objek name (rincian objek book)' }) groupName: string | null;
  @ApiProperty({ example: '330000.00' }) receipt: string;
  @ApiProperty({ example: '0.00' }) expenditure: string;
  @ApiProperty({ example: '330000.00', description: 'running balance within the group (per tax type; cumulative spending per rincian objek)' }) balance: string;
}

export class BookResponse {
  @ApiProperty({ enum: BOOKS }) book: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ type: [BookRow] }) rows: BookRow[];
}
