import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class TaxQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
}

export class PutTaxRateDto {
  @ApiProperty({ example: 'PPh 23 on services and rent' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: '2', description: 'percent of the gross, 0-100, at most 4 decimals, as a string' })
  @IsString() @Matches(/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/, { message: 'rate must be a percentage from 0 to 100 with at most 4 decimals, as a string' })
  rate: string;
}

export class TaxRateResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ example: 'PPH23' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2.0000' }) rate: string;
  @ApiProperty({ description: 'true when the year has its own row; false when the default table applies' }) configured: boolean;
}
