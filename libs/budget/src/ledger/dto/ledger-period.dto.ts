import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class LedgerPeriodQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
}

export class CloseLedgerPeriodDto {
  @ApiPropertyOptional({ example: 'March reconciled with the bank statement' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000)
  reason?: string;
}

export class LedgerPeriodResponse {
  @ApiProperty({ example: 2026 }) fiscalYear: number;
  @ApiProperty({ minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ enum: ['OPEN', 'CLOSED'] }) status: string;
  @ApiProperty({ nullable: true, type: String, example: 'cash-authority' }) closedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class LedgerPeriodsResponse {
  @ApiProperty({ example: 2026 }) fiscalYear: number;
  @ApiProperty({ type: [LedgerPeriodResponse], description: 'the twelve months of the fiscal year, January first' }) months: LedgerPeriodResponse[];
}
