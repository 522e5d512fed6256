import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '@grms/core';

export const NOMENCLATURE_LEVELS = ['URUSAN', 'BIDANG', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN'] as const;
export const ACCOUNT_LEVELS = ['AKUN', 'KELOMPOK', 'JENIS', 'OBJEK', 'RINCIAN_OBJEK', 'SUB_RINCIAN_OBJEK'] as const;

class CodeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'direct children of this code' }) @IsOptional() @IsString() @MaxLength(60) parentCode?: string;
  @ApiPropertyOptional({ description: 'words of the name, or the start of the code' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ example: 2026, description: 'the codes of the code-list version this fiscal year uses' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ example: 'KMDN5889-2023', description: 'a code-list version by id (GET /code-list-versions); default: the newest loaded one' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]{1,40}$/) version?: string;
}

export class NomenclatureQueryDto extends CodeQueryDto {
  @ApiPropertyOptional({ enum: NOMENCLATURE_LEVELS }) @IsOptional() @IsIn(NOMENCLATURE_LEVELS) level?: (typeof NOMENCLATURE_LEVELS)[number];
}

export class AccountQueryDto extends CodeQueryDto {
  @ApiPropertyOptional({ enum: ACCOUNT_LEVELS }) @IsOptional() @IsIn(ACCOUNT_LEVELS) level?: (typeof ACCOUNT_LEVELS)[number];
}

export class FundingSourceQueryDto extends CodeQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 6, description: 'depth 1-6' }) @IsOptional() @IsIn(['1', '2', '3', '4', '5', '6']) level?: string;
}

export class CodeResponse {
  @ApiProperty({ example: '5.1.02.01.01.0024' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'SUB_RINCIAN_OBJEK' }) level: string;
  @ApiPropertyOptional({ type: String, nullable: true }) parentCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'usage note (keterangan)' }) note: string | null;
  @ApiProperty({ description: 'true when no code of the version has this one as parent' }) leaf: boolean;
  @ApiProperty({ example: 'KMDN5889-2023', description: 'the code-list version the code belongs to' }) version: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'nomenclature only: the output indicator of a sub kegiatan', example: 'Jumlah Ruang Kelas Baru yang Bertambah' }) indicator?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'nomenclature only: the unit of the indicator', example: 'Ruang' }) unit?: string | null;
}

export class CodeListVersionResponse {
  @ApiProperty({ example: 'KMDN5889-2023' }) id: string;
  @ApiProperty({ description: 'order of the versions: the highest is the newest' }) seq: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the regulations the lists come from' }) regulation: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'when the lists were last loaded (reference:import)' }) loadedAt: string | null;
  @ApiProperty({ type: [Number], description: 'fiscal years that use this version' }) fiscalYears: number[];
  @ApiProperty({ description: 'accounts in the version' }) accounts: number;
  @ApiProperty({ description: 'nomenclature codes in the version' }) nomenclature: number;
  @ApiProperty({ description: 'funding sources in the version' }) fundingSources: number;
}
