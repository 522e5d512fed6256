import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';

export const FISCAL_YEAR_STATUSES = ['PLANNING', 'EXECUTION', 'CLOSED'] as const;
export type FiscalYearStatus = (typeof FISCAL_YEAR_STATUSES)[number];

export class CreateFiscalYearDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ enum: FISCAL_YEAR_STATUSES, default: 'PLANNING' }) @IsIn(FISCAL_YEAR_STATUSES) status: FiscalYearStatus;
}

export class UpdateFiscalYearDto {
  @ApiProperty({ enum: FISCAL_YEAR_STATUSES, description: 'PLANNING -> EXECUTION -> CLOSED, forward only' }) @IsIn(FISCAL_YEAR_STATUSES) status: FiscalYearStatus;
}

export class FiscalYearResponse {
  @ApiProperty() year: number;
  @ApiProperty({ enum: FISCAL_YEAR_STATUSES }) status: FiscalYearStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
