import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CursorPageQueryDto } from '@grms/core';

export class CreateSpmDto {
  @ApiProperty({ format: 'uuid', description: 'a SUBMITTED or VERIFIED SPP of the finance officer\'s OPD' }) @IsUUID() sppId: string;
}

export class SpmQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['DRAFT', 'APPROVED', 'CANCELLED'] }) @IsOptional() @IsIn(['DRAFT', 'APPROVED', 'CANCELLED']) status?: string;
}

export class SpmResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SPM-LS/2026/000001' }) number: string;
  @ApiProperty({ format: 'uuid' }) sppId: string;
  @ApiProperty() sppNumber: string;
  @ApiProperty({ enum: ['LS', 'UP', 'GU', 'TU'] }) type: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: ['DRAFT', 'APPROVED', 'CANCELLED'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ example: '50000.00', description: 'the gross of the SPP' }) amount: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty() createdAt: string;
}
