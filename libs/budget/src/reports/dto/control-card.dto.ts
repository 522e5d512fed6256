import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ControlCardQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the OPD; omitted: the user\'s own (required for province-wide users)' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiProperty({ example: '1.01.02.1.01.0001', description: 'the sub kegiatan (level 5 of the year\'s nomenclature)' })
  @IsString() @MaxLength(60) @Matches(/^[0-9A-Z]+(\.[0-9A-Z]+)*$/, { message: 'subActivityCode must be a nomenclature code such as 1.01.02.1.01.0001' }) subActivityCode: string;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'figures as of the end of this date (entries with a value date up to it); omitted: every entry posted' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json', description: 'csv/xlsx: the same rows and the total, with codes and names' })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class ControlCardFigures {
  @ApiProperty({ example: '50000000.00', description: 'appropriation (pagu, APPROPRIATION entries)' }) budget: string;
  @ApiProperty({ example: '20000000.00', description: 'SPD to date (ALLOTMENT entries)' }) spd: string;
  @ApiProperty({ example: '7500000.00', description: 'realised by LS SP2Ds (net of their cancellations)' }) realizedLs: string;
  @ApiProperty({ example: '1200000.00', description: 'realised out of UP/GU advances (approved SPJs and their receipts)' }) realizedUpGu: string;
  @ApiProperty({ example: '300000.00', description: 'realised out of TU advances (approved SPJs and their receipts)' }) realizedTu: string;
  @ApiProperty({ example: '9000000.00', description: 'all DISBURSEMENT entries: realizedLs + realizedUpGu + realizedTu' }) realized: string;
  @ApiProperty({ example: '41000000.00', description: 'budget - realized (sisa pagu)' }) remainingBudget: string;
  @ApiProperty({ example: '11000000.00', description: 'spd - realized (sisa SPD)' }) remainingSpd: string;
}

export class ControlCardRow extends ControlCardFigures {
  @ApiProperty({ example: '5.1.02.01.01.0024' }) accountCode: string;
  @ApiProperty({ example: 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor' }) accountName: string;
}

export class ControlCardReport {
  @ApiProperty({ example: 2026 }) fiscalYear: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-06-30' }) asOf: string | null;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() subActivityCode: string;
  @ApiProperty() subActivityName: string;
  @ApiProperty({ type: [ControlCardRow], description: 'one row per account of the sub kegiatan\'s expenditure lines (funding sources summed), by code' }) rows: ControlCardRow[];
  @ApiProperty({ type: ControlCardFigures }) totals: ControlCardFigures;
}
