import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMoney, PageQueryDto } from '@grms/core';

export class SetCeilingDto {
  @ApiProperty({ example: 2027 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @IsMoney() amount: string;
  @ApiPropertyOptional({ example: '1.01.02', description: 'a program code: the ceiling then holds for the sub kegiatan under it' })
  @IsOptional() @Matches(/^[0-9X](\.([0-9]{2}|XX)){2}$/, { message: 'programCode must be a program code such as 1.01.02' }) programCode?: string;
  @ApiPropertyOptional({ description: 'set the ceiling even below what submitted or approved documents already use (needs a reason)' })
  @IsOptional() @IsBoolean() force?: boolean;
  @ApiPropertyOptional({ example: 'KUA-PPAS amended: the OPD must cut its documents' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
}

export class CeilingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2027 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class CeilingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) programCode: string | null;
  @ApiProperty({ example: '5000000000.00' }) amount: string;
  @ApiProperty({ example: '4200000000.00', description: 'total of the current submitted or approved documents under this ceiling' }) used: string;
  @ApiProperty({ example: '800000000.00' }) remaining: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'why the ceiling was forced below what is used' }) forceReason: string | null;
  @ApiProperty() updatedAt: string;
}
