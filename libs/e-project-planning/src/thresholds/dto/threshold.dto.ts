import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsMoney } from '@grms/core';

export class ThresholdQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
}

export class PutThresholdDto {
  @IsMoney({}, undefined, { description: 'the highest value direct procurement may have for this type' }) directMax: string;
  @ApiProperty({ example: 'Perpres 16/2018 jo. 46/2025, Pasal 38 ayat (3)' }) @IsString() @IsNotEmpty() @MaxLength(300) regulation: string;
}

export class ThresholdResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ example: 'CONSTRUCTION' }) packageType: string;
  @ApiProperty({ example: '400000000.00' }) directMax: string;
  @ApiProperty() regulation: string;
  @ApiProperty({ description: 'true when the year has no row of its own and the default applies' }) isDefault: boolean;
}
