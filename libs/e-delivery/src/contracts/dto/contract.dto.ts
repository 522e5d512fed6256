import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CursorPageQueryDto, IsMoney } from '@grms/core';
import { FundingLineDto, FundingLineResponse } from '@grms/e-project-planning';

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
export const DOCUMENT_TYPES = ['RECEIPT', 'SPK', 'AGREEMENT', 'E_PURCHASING_ORDER'] as const;
export const CONTRACT_TYPES = ['LUMP_SUM', 'UNIT_PRICE', 'COMBINED'] as const;
export const CONTRACT_STATUSES = ['DRAFT', 'SIGNED', 'HANDED_OVER', 'COMPLETED', 'TERMINATED', 'CLOSED', 'CANCELLED'] as const;

export class TerminInputDto {
  @ApiPropertyOptional({ enum: ['PROGRESS', 'MONTHLY'], default: 'PROGRESS' }) @IsOptional() @IsIn(['PROGRESS', 'MONTHLY']) kind?: 'PROGRESS' | 'MONTHLY';
  @ApiPropertyOptional({ example: '40', description: 'share of the value; all termins by percent (sum 100) or all by amount' }) @IsOptional() @IsString() @Matches(PERCENT) percent?: string;
  @IsOptional() @IsMoney({ allowZero: false }, undefined, { required: false }) amount?: string;
  @ApiProperty({ example: '50', description: 'payable once verified physical progress reaches this %' }) @IsString() @Matches(PERCENT) progressThreshold: string;
}

export class CreateContractDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() packageId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() vendorId: string;
  @ApiProperty({ example: '027/SP/DISDIKBUD/2026' }) @IsString() @IsNotEmpty() @MaxLength(100) number: string;
  @ApiProperty({ example: '2026-04-01' }) @IsISO8601({ strict: true }) signedOn: string;
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, default: 'AGREEMENT' }) @IsOptional() @IsIn(DOCUMENT_TYPES) documentType?: string;
  @ApiPropertyOptional({ enum: CONTRACT_TYPES, default: 'LUMP_SUM' }) @IsOptional() @IsIn(CONTRACT_TYPES) contractType?: string;
  @IsMoney({ allowZero: false }, undefined, { description: 'VAT included' }) value: string;
  @IsOptional() @IsMoney({ allowZero: false }, undefined, { required: false, description: 'tax base (DPP); default: value/1.11 for a VAT-registered vendor, else the value' }) dpp?: string;
  @ApiPropertyOptional({ example: '2026-04-05', description: 'start order (SPMK)' }) @IsOptional() @IsISO8601({ strict: true }) startOrderDate?: string;
  @ApiProperty({ example: '2026-04-05' }) @IsISO8601({ strict: true }) startDate: string;
  @ApiProperty({ example: '2026-10-31' }) @IsISO8601({ strict: true }) endDate: string;
  @ApiPropertyOptional({ default: 0, description: 'maintenance period in days (PHO to FHO)' }) @IsOptional() @IsInt() @Min(0) @Max(3650) maintenanceDays?: number;
  @IsOptional() @IsMoney({}, undefined, { required: false, description: 'advance (uang muka): at most 30% of the value for a small business, 20% otherwise' }) advance?: string;
  @IsOptional() @IsMoney({}, undefined, { required: false }) performanceBond?: string;
  @ApiPropertyOptional({ default: false, description: 'with a maintenance bond no retention is held' }) @IsOptional() @IsBoolean() maintenanceBond?: boolean;
  @ApiPropertyOptional({ example: '1234567890', description: 'the vendor account paid; default its first' }) @IsOptional() @IsString() @MaxLength(40) bankAccount?: string;
  @ApiPropertyOptional({ type: [FundingLineDto], description: 'default: the package\'s only funding line, for the whole value' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FundingLineDto) fundingLines?: FundingLineDto[];
  @ApiProperty({ type: [TerminInputDto], description: 'work termins; the advance and retention termins are added' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => TerminInputDto) termins: TerminInputDto[];
}

export class ContractQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES }) @IsOptional() @IsIn(CONTRACT_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json', description: 'csv/xlsx: the contract register (all matching rows)' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class TerminResponse {
  @ApiProperty() terminNo: number;
  @ApiProperty({ enum: ['ADVANCE', 'PROGRESS', 'MONTHLY', 'RETENTION'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) percent: string | null;
  @ApiProperty({ example: '120000000.00' }) amount: string;
  @ApiProperty({ example: '50.00' }) progressThreshold: string;
  @ApiProperty() advanceRecovery: string;
  @ApiProperty() retentionHeld: string;
  @ApiProperty({ description: 'late penalty deducted when paid' }) penalty: string;
  @ApiProperty({ description: 'amount - advance recovered - retention held - penalty: the SPP gross' }) payable: string;
  @ApiProperty({ nullable: true, type: String }) paidSp2dNumber: string | null;
}

export class ContractFundingResponse extends FundingLineResponse {
  @ApiProperty({ description: 'COMMITMENT the contract holds on the line now' }) committed: string;
}

export class ContractResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ format: 'uuid' }) packageId: string;
  @ApiProperty() packageCode: string;
  @ApiProperty() packageName: string;
  @ApiProperty({ nullable: true, type: String }) rupCode: string | null;
  @ApiProperty() method: string;
  @ApiProperty({ format: 'uuid' }) vendorId: string;
  @ApiProperty() vendorName: string;
  @ApiProperty() vendorNpwp: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() signedOn: string;
  @ApiProperty() documentType: string;
  @ApiProperty() contractType: string;
  @ApiProperty() originalValue: string;
  @ApiProperty() value: string;
  @ApiProperty() dpp: string;
  @ApiProperty({ nullable: true, type: String }) startOrderDate: string | null;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty() maintenanceDays: number;
  @ApiProperty() advance: string;
  @ApiProperty() performanceBond: string;
  @ApiProperty() retentionPercent: string;
  @ApiProperty() maintenanceBond: boolean;
  @ApiProperty() bankName: string;
  @ApiProperty() bankAccount: string;
  @ApiProperty({ enum: CONTRACT_STATUSES }) status: string;
  @ApiProperty({ example: '55.00', description: 'latest verified cumulative physical progress' }) progress: string;
  @ApiProperty({ description: 'paid through SP2D' }) paid: string;
  @ApiProperty({ description: 'value - paid' }) remaining: string;
  @ApiProperty() penaltyTotal: string;
  @ApiProperty() addendaCount: number;
  @ApiProperty({ nullable: true, type: String }) phoDate: string | null;
  @ApiProperty({ nullable: true, type: String }) fhoDate: string | null;
  @ApiProperty({ type: [ContractFundingResponse] }) fundingLines: ContractFundingResponse[];
  @ApiProperty({ type: [TerminResponse] }) termins: TerminResponse[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) signedBy: string | null;
}
