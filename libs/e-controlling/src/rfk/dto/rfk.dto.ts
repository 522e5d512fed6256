import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageMeta, PageQueryDto } from '@grms/core';
import { FORMATS, Format, PROGRAM_CODE, PROGRAM_CODE_PATTERN } from '../../common/controlling-query.dto';

export const RFK_LEVELS = ['OPD', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN', 'PACKAGE'] as const;
export type RfkLevel = (typeof RFK_LEVELS)[number];

export class RfkQueryDto extends PageQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ minimum: 1, maximum: 12, example: 9 }) @Type(() => Number) @IsInt() @Min(1) @Max(12) month: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'one OPD (and its units); OPD users see their own whatever they ask' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ ...PROGRAM_CODE, description: 'one program (nomenclature level 3): its row, kegiatan, sub kegiatan and packages, with the figures, weights and row numbers of the whole report (the OPD total row left out); a code that is not a program is 422 UNKNOWN_PROGRAM' })
  @IsOptional() @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be a nomenclature code such as 1.01.02' }) programCode?: string;
  @ApiPropertyOptional({ minimum: 1, description: 'a frozen version; default the latest, or the live report when the month is not frozen' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'json is paged; csv and xlsx carry every row' }) @IsOptional() @IsIn(FORMATS) format?: Format;
}

export class FreezeRfkDto {
  @ApiPropertyOptional({ example: 'koreksi realisasi fisik paket PKT-2026-000004', description: 'required for a correction (a month already frozen)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
}

export class RfkRow {
  @ApiProperty({ example: 1 }) rowNo: number;
  @ApiProperty({ enum: RFK_LEVELS }) level: RfkLevel;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ description: 'program, kegiatan or sub kegiatan code; the package code for packages' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '1200000000.00', description: 'pagu: appropriation as of the month end (package: its value)' }) budget: string;
  @ApiProperty({ example: '12.50', description: 'bobot: % of the OPD\'s budget' }) weight: string;
  @ApiProperty({ example: '40.00', description: 'target fisik %' }) physicalTarget: string;
  @ApiProperty({ example: '28.00', description: 'realisasi fisik %' }) physicalRealisation: string;
  @ApiProperty({ example: '3.50', description: 'weight x physical realisation / 100' }) weightedPhysical: string;
  @ApiProperty({ example: '480000000.00', description: 'target keuangan (Rp)' }) financialTarget: string;
  @ApiProperty({ example: '40.00' }) financialTargetPercent: string;
  @ApiProperty({ example: '300000000.00', description: 'realisasi keuangan (Rp): disbursed by value date' }) financialRealisation: string;
  @ApiProperty({ example: '25.00' }) financialRealisationPercent: string;
  @ApiProperty({ example: '-12.00', description: 'physical realisation - target, points' }) physicalDeviation: string;
  @ApiProperty({ example: '-15.00', description: 'financial realisation % - target %, points' }) financialDeviation: string;
  @ApiProperty({ example: '900000000.00', description: 'sisa anggaran' }) remainingBudget: string;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'PPK / responsible officer' }) officer: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['ON_TRACK', 'LATE', 'CRITICAL', null], description: 'package rows' }) status: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'permasalahan' }) problems: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'tindak lanjut' }) followUp: string | null;
}

export class RfkReportMeta {
  @ApiProperty() fiscalYear: number;
  @ApiProperty() month: number;
  @ApiProperty({ example: '2026-09-30' }) asOf: string;
  @ApiProperty({ description: 'true: a frozen snapshot, answered the same whatever is posted later' }) frozen: boolean;
  @ApiProperty({ nullable: true, type: Number }) version: number | null;
  @ApiProperty({ nullable: true, type: String }) frozenAt: string | null;
  @ApiProperty({ nullable: true, type: String }) frozenBy: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: [Number], description: 'the frozen versions of the month' }) versions: number[];
}

export class RfkPage {
  @ApiProperty({ type: [RfkRow] }) data: RfkRow[];
  @ApiProperty({ type: PageMeta }) meta: PageMeta;
  @ApiProperty({ type: RfkReportMeta }) report: RfkReportMeta;
}

export class RfkSnapshotResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty() month: number;
  @ApiProperty() version: number;
  @ApiProperty({ example: '2026-09-30' }) asOf: string;
  @ApiProperty() rowCount: number;
  @ApiProperty() frozenAt: string;
  @ApiProperty() frozenBy: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}
