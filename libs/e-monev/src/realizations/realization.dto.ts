import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '@grms/core';
import { QUANTITY } from '../indicators/indicator.dto';

export class CreateRealizationDto {
  @ApiProperty({ minimum: 1, maximum: 4, example: 1, description: 'the quarter (TW I-IV)' }) @IsInt() @Min(1) @Max(4) quarter: number;
  @ApiProperty({ example: '3', description: 'the realisation in the indicator\'s unit (for SUM indicators: this quarter\'s own; for LAST: cumulative to date); a decimal string with up to 4 decimals' })
  @IsString() @Matches(QUANTITY) value: string;
  @ApiPropertyOptional({ example: 'Ruang', description: 'when given, must be the indicator\'s unit (UNIT_MISMATCH)' }) @IsOptional() @IsString() @MaxLength(60) unit?: string;
  @ApiProperty({ example: 'BAST pekerjaan RKB SMA N 1 Semarang No. 027/114/2026; foto kondisi 100%' }) @IsString() @IsNotEmpty() @MaxLength(4000) evidence: string;
  @ApiPropertyOptional({ example: 'cuaca hujan menunda pengecoran dua minggu' }) @IsOptional() @IsString() @MaxLength(4000) obstacles?: string;
}

export class UpdateRealizationDto {
  @ApiPropertyOptional({ example: '2' }) @IsOmittable() @IsString() @Matches(QUANTITY) value?: string;
  @ApiPropertyOptional({ example: 'Ruang' }) @IsOmittable() @IsString() @MaxLength(60) unit?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(4000) evidence?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(4000) obstacles?: string;
}

export class RejectRealizationDto {
  @ApiProperty({ example: 'BAST belum dilampirkan' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
