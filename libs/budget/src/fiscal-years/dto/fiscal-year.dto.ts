import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const FISCAL_YEAR_STATUSES = ['PLANNING', 'EXECUTION', 'CLOSED'] as const;
export type FiscalYearStatus = (typeof FISCAL_YEAR_STATUSES)[number];

export class CreateFiscalYearDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ enum: FISCAL_YEAR_STATUSES, default: 'PLANNING' }) @IsIn(FISCAL_YEAR_STATUSES) status: FiscalYearStatus;
  @ApiPropertyOptional({ example: 'KMDN5889-2023', description: 'the code-list version the year uses (GET /code-list-versions); default: the newest' })
  @IsOptional() @Matches(/^[A-Za-z0-9._-]{1,40}$/) codeListVersion?: string;
}

export class UpdateFiscalYearDto {
  @ApiProperty({ enum: FISCAL_YEAR_STATUSES, description: 'PLANNING -> EXECUTION -> CLOSED, forward only' }) @IsIn(FISCAL_YEAR_STATUSES) status: FiscalYearStatus;
}

export class FiscalYearResponse {
  @ApiProperty() year: number;
  @ApiProperty({ enum: FISCAL_YEAR_STATUSES }) status: FiscalYearStatus;
  @ApiProperty({ example: 'KMDN5889-2023', description: 'the code-list version whose accounts, nomenclature and funding sources the year uses' }) codeListVersion: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
