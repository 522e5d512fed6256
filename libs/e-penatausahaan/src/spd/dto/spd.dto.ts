import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsMoney, CursorPageQueryDto } from '@grms/core';
import { LineAmountDto, LineAmountResponse } from '../../common/line-amount.dto';

export class CreateSpdDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ minimum: 1, maximum: 12, description: 'the month up to which the cash plan is provided' }) @IsInt() @Min(1) @Max(12) month: number;
  @ApiProperty({ type: [LineAmountDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => LineAmountDto)
  lines: LineAmountDto[];
}

export class SpdQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['DRAFT', 'APPROVED', 'WITHDRAWN'] }) @IsOptional() @IsIn(['DRAFT', 'APPROVED', 'WITHDRAWN']) status?: string;
}

export class SpdResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SPD/2026/000001' }) number: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() month: number;
  @ApiProperty({ enum: ['DRAFT', 'APPROVED', 'WITHDRAWN'] }) status: string;
  @ApiProperty({ example: '1000000.00' }) total: string;
  @ApiProperty({ type: [LineAmountResponse] }) lines: LineAmountResponse[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'why a draft was withdrawn' }) withdrawReason: string | null;
  @ApiProperty({ description: 'how many times the approved SPD was revised (each in the audit trail with its reason)' }) revisions: number;
}

export class SpdRevisionLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() budgetLineId: string;
  @ApiProperty({ example: '250000.00', description: "the line's new amount on this SPD: lower than today's, zero to give the whole line back" })
  @IsMoney({ allowZero: true }) amount: string;
}

export class ReviseSpdDto {
  @ApiProperty({ type: [SpdRevisionLineDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => SpdRevisionLineDto)
  lines: SpdRevisionLineDto[];
  @ApiProperty({ example: 'the budget revision cuts this line' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
