import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsMoney } from '@grms/core';

export class CashPositionQueryDto {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'the position at the end of this day (default today); its year is the fiscal year' })
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' }) date?: string;
}

export class CashDayResponse {
  @ApiProperty({ example: '2026-03-12' }) date: string;
  @ApiProperty({ example: '1500000.00', description: 'revenue deposited (STS) that day' }) revenueDeposited: string;
  @ApiProperty({ example: '0.00' }) financingReceipts: string;
  @ApiProperty({ example: '0.00', description: 'SP2Ds issued that day (gross), less SP2Ds cancelled that day' }) sp2dIssued: string;
  @ApiProperty({ example: '0.00' }) financingExpenditures: string;
  @ApiProperty({ example: '1500000.00', description: 'the day\'s inflows less outflows' }) net: string;
  @ApiProperty({ example: '51500000.00', description: 'the treasury\'s cash at the end of the day' }) position: string;
}

export class CashPositionResponse {
  @ApiProperty({ example: '2026-03-31' }) date: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ description: 'whether SP2Ds and financing expenditures are refused when they would make the position negative (on by default)' }) cashCheck: boolean;
  @ApiProperty({ example: '1500000.00', description: 'revenue deposited from 1 January to the date' }) revenueDeposited: string;
  @ApiProperty({ example: '50000000000.00', description: 'financing receipts (6.1, e.g. SiLPA) realised to the date' }) financingReceipts: string;
  @ApiProperty({ example: '250000000.00', description: 'SP2Ds issued to the date (gross), less those cancelled' }) sp2dIssued: string;
  @ApiProperty({ example: '0.00', description: 'financing expenditures (6.2) realised to the date' }) financingExpenditures: string;
  @ApiProperty({ example: '49751500000.00', description: 'revenueDeposited + financingReceipts - sp2dIssued - financingExpenditures' }) position: string;
  @ApiProperty({ type: [CashDayResponse], description: 'every day with a movement, from 1 January to the date' }) days: CashDayResponse[];
}

export class TreasurySettingsResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ description: 'refuse an SP2D or financing expenditure that would make the treasury\'s cash negative' }) cashCheck: boolean;
}

export class UpdateTreasurySettingsDto {
  @ApiProperty({ description: 'false turns the treasury cash check off for the year (audited)' }) @IsBoolean() cashCheck: boolean;
}

export class CreateFinancingRealizationDto {
  @ApiProperty({ format: 'uuid', description: 'a financing budget line (6.1 receipt or 6.2 expenditure) with its estimate' }) @IsUUID() budgetLineId: string;
  @ApiProperty({ example: '2026-01-05', description: 'the value date (in the line\'s fiscal year, not in the future, in an open month)' })
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) realizedOn: string;
  @IsMoney({ allowZero: false }) amount: string;
  @ApiProperty({ example: 'SiLPA 2025 menurut LKPD audited' }) @IsString() @IsNotEmpty() @MaxLength(500) description: string;
}

export class FinancingRealizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PMB/5.02.0.00.0.00.01.0000/2026/000001' }) number: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty() accountCode: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ enum: ['RECEIPT', 'EXPENDITURE'] }) direction: string;
  @ApiProperty({ example: '2026-01-05' }) realizedOn: string;
  @ApiProperty({ example: '50000000000.00' }) amount: string;
  @ApiProperty() description: string;
  @ApiProperty() createdBy: string;
}
