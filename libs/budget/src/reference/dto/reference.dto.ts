import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@grms/core';

export const NOMENCLATURE_LEVELS = ['URUSAN', 'BIDANG', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN'] as const;
export const ACCOUNT_LEVELS = ['AKUN', 'KELOMPOK', 'JENIS', 'OBJEK', 'RINCIAN_OBJEK', 'SUB_RINCIAN_OBJEK'] as const;

class CodeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'direct children of this code' }) @IsOptional() @IsString() @MaxLength(60) parentCode?: string;
  @ApiPropertyOptional({ description: 'words of the name, or the start of the code' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
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
  @ApiProperty({ description: 'true when no code has this one as parent' }) leaf: boolean;
}
