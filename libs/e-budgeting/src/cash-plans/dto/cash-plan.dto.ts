import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsMoney, PageQueryDto } from '@grms/core';

export class PutCashPlanDto {
  @ApiProperty({ type: [String], minItems: 12, maxItems: 12, example: ['100000.00', '100000.00', '100000.00', '100000.00', '100000.00', '100000.00', '100000.00', '100000.00', '100000.00', '100000.00', '100000.00', '100000.00'], description: 'January to December; must sum exactly to the line\'s appropriation' })
  @IsArray() @ArrayMinSize(12) @ArrayMaxSize(12)
  @IsMoney({}, { each: true })
  months: string[];
}

export class CashPlanQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class CashPlanResponse {
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() subActivityCode: string;
  @ApiProperty() accountCode: string;
  @ApiProperty() fundingSourceCode: string;
  @ApiProperty({ example: '1200000.00' }) appropriated: string;
  @ApiProperty({ type: [String] }) months: string[];
  @ApiProperty({ example: '1200000.00' }) total: string;
  @ApiProperty({ description: 'false when the appropriation changed since the plan was set: the plan must be set again' }) matchesAppropriation: boolean;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}
