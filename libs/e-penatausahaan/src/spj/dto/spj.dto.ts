import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsMoney, CursorPageQueryDto } from '@grms/core';

export class SpjLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() budgetLineId: string;
  @IsMoney({ allowZero: false }) amount: string;
  @ApiProperty({ example: 'office stationery, receipts 1-12' }) @IsString() @IsNotEmpty() @MaxLength(500) description: string;
}

export class CreateSpjDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ format: 'uuid', description: 'the live SP2D of the UP, GU or TU advance accounted for' }) @IsUUID() advanceSp2dId: string;
  @ApiPropertyOptional({ type: [SpjLineDto], description: 'what was spent per budget line; or name receiptIds instead' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => SpjLineDto)
  lines?: SpjLineDto[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'the receipts (bukti) of the advance this SPJ gathers, instead of lines: its lines are their sums per budget line, and its approval realises each at its own date' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true }) receiptIds?: string[];
}

export class SpjQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['SUBMITTED', 'APPROVED', 'REJECTED'] }) @IsOptional() @IsIn(['SUBMITTED', 'APPROVED', 'REJECTED']) status?: string;
}

export class SpjLineResponse {
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty({ example: '250000.00' }) amount: string;
  @ApiProperty() description: string;
}

export class SpjResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SPJ/2026/000001' }) number: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) advanceSp2dId: string;
  @ApiProperty({ enum: ['UP', 'GU', 'TU'] }) advanceType: string;
  @ApiProperty({ enum: ['SUBMITTED', 'APPROVED', 'REJECTED'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'why the PA/KPA sent it back' }) rejectReason: string | null;
  @ApiProperty({ example: '750000.00' }) total: string;
  @ApiProperty({ example: '0.00', description: 'TU: the unused rest returned to the regional treasury at approval' }) returned: string;
  @ApiProperty({ type: [SpjLineResponse] }) lines: SpjLineResponse[];
  @ApiProperty({ type: [String], description: 'the receipts it gathers (empty when made of lines)' }) receiptIds: string[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty() createdAt: string;
}
