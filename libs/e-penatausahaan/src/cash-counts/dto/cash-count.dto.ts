import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsMoney, PageQueryDto } from '@grms/core';
import { FORMATS } from '../../bku/dto/bku.dto';

export class CreateCashCountDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ example: '2026-03-31', description: 'the day of the count, usually the last day of the month' }) @IsISO8601({ strict: true }) countedOn: string;
  @IsMoney() cashCounted: string;
  @IsMoney() bankStatement: string;
  @ApiPropertyOptional({ example: 'selisih karena uang rusak' }) @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}

export class CashCountQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS) format?: (typeof FORMATS)[number];
}

export class CashCountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ example: '2026-03-31' }) countedOn: string;
  @ApiProperty({ example: '250000.00', description: 'cash counted in the safe' }) cashCounted: string;
  @ApiProperty({ example: '4500000.00', description: 'the bank statement balance' }) bankStatement: string;
  @ApiProperty({ description: 'CASH balance of the BKU at the end of that day' }) bookCash: string;
  @ApiProperty() bookBank: string;
  @ApiProperty({ description: 'TAX balance of the BKU (withheld, not yet deposited)' }) bookTax: string;
  @ApiProperty({ example: '0.00', description: 'cashCounted - bookCash' }) cashDifference: string;
  @ApiProperty({ example: '0.00', description: 'bankStatement - bookBank' }) bankDifference: string;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() countedBy: string;
}
