import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@grms/core';
import { LineAmountDto, LineAmountResponse } from '../../common/line-amount.dto';

export const SPP_TYPES = ['LS', 'UP', 'GU', 'TU'] as const;
export type SppType = (typeof SPP_TYPES)[number];
export const SPP_STATUSES = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED', 'PAID', 'CANCELLED'] as const;

export class PayeeDto {
  @ApiProperty({ example: 'CV Maju Jaya' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: '01.234.567.8-901.000', description: '15 or 16 digits (dots, dashes, spaces allowed); required for LS' })
  @IsOptional() @IsString() @MaxLength(30) npwp?: string;
  @ApiProperty({ example: 'Bank Jateng' }) @IsString() @IsNotEmpty() @MaxLength(100) bankName: string;
  @ApiProperty({ example: '1234567890' }) @IsString() @Matches(/^[0-9][0-9-]{4,33}$/, { message: 'bankAccount must be 5-34 digits (dashes allowed)' }) bankAccount: string;
}

export class TaxCodeDto {
  @ApiProperty({ example: 'PPH23' }) @IsString() @Matches(/^[A-Z0-9_]{2,30}$/) code: string;
}

export class CreateSppDto {
  @ApiProperty({ enum: SPP_TYPES }) @IsIn(SPP_TYPES) type: SppType;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ type: [LineAmountDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => LineAmountDto)
  lines: LineAmountDto[];
  @ApiProperty({ type: PayeeDto }) @ValidateNested() @Type(() => PayeeDto) payee: PayeeDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'LS against a contract (checked once e-delivery contracts exist)' }) @IsOptional() @IsUUID() contractId?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100) terminNo?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'GU: the approved SPJ this replenishes' }) @IsOptional() @IsUUID() spjId?: string;
  @ApiPropertyOptional({ type: [TaxCodeDto], description: 'LS only: the taxes to withhold (codes of the year\'s tax table)' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => TaxCodeDto)
  taxes?: TaxCodeDto[];
}

export class SppQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: SPP_TYPES }) @IsOptional() @IsIn(SPP_TYPES) type?: string;
  @ApiPropertyOptional({ enum: SPP_STATUSES }) @IsOptional() @IsIn(SPP_STATUSES) status?: string;
}

export class PayeeResponse {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, example: '012345678901000' }) npwp: string | null;
  @ApiProperty() bankName: string;
  @ApiProperty() bankAccount: string;
}

export class SppTaxResponse {
  @ApiProperty({ example: 'PPH23' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2.0000' }) rate: string;
  @ApiProperty({ example: '1000.00', description: 'whole rupiah (rounded down)' }) amount: string;
}

export class SppResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SPP-LS/2026/000001' }) number: string;
  @ApiProperty({ enum: SPP_TYPES }) type: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: SPP_STATUSES }) status: string;
  @ApiProperty({ example: '50000.00' }) gross: string;
  @ApiProperty({ example: '1000.00' }) taxesTotal: string;
  @ApiProperty({ example: '49000.00', description: 'gross - taxes' }) net: string;
  @ApiProperty({ type: PayeeResponse }) payee: PayeeResponse;
  @ApiProperty({ nullable: true, type: String }) contractId: string | null;
  @ApiProperty({ nullable: true, type: Number }) terminNo: number | null;
  @ApiProperty({ nullable: true, type: String }) spjId: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty({ type: [LineAmountResponse] }) lines: LineAmountResponse[];
  @ApiProperty({ type: [SppTaxResponse] }) taxes: SppTaxResponse[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) verifiedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class CorrectSppDto {
  @ApiProperty({ type: PayeeDto, description: 'the corrected payee (name, NPWP, bank and account)' }) @ValidateNested() @Type(() => PayeeDto) payee: PayeeDto;
  @ApiProperty({ example: 'the supplier\'s account number was wrong; SP2D cancelled' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
