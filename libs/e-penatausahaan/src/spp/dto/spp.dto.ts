import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CursorPageQueryDto } from '@grms/core';
import { Qualification, QUALIFICATIONS, TAX_BASES } from '@grms/budget';
import { LineAmountDto, LineAmountResponse } from '../../common/line-amount.dto';

export const SPP_TYPES = ['LS', 'UP', 'GU', 'TU'] as const;
export type SppType = (typeof SPP_TYPES)[number];
/** The kinds of LS payment: payroll (gaji), goods and services (barang dan jasa), other third parties (grants, aid). */
export const LS_SUBTYPES = ['PAYROLL', 'GOODS_SERVICES', 'THIRD_PARTY'] as const;
export type LsSubtype = (typeof LS_SUBTYPES)[number];
export const SPP_STATUSES = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED', 'PAID', 'CANCELLED'] as const;

export class PayeeDto {
  @ApiProperty({ example: 'CV Maju Jaya' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: '01.234.567.8-901.000', description: '15 or 16 digits (dots, dashes, spaces allowed); without it PPh 22 and PPh 23 are withheld at twice the rate' })
  @IsOptional() @IsString() @MaxLength(30) npwp?: string;
  @ApiPropertyOptional({ description: 'VAT-registered (PKP): the gross includes VAT, the taxes are on the DPP, and PPN is collected. Left out: true when PPN is withheld (only a PKP charges it), else false' })
  @IsOptional() @IsBoolean() vatRegistered?: boolean;
  @ApiPropertyOptional({ enum: QUALIFICATIONS, description: 'construction: SMALL (small qualification or certified individual), CERTIFIED (other), UNCERTIFIED; picks the PPh 4(2) row (PP 9/2022)' })
  @IsOptional() @IsIn(QUALIFICATIONS) qualification?: Qualification;
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
  @ApiProperty({ type: PayeeDto }) @IsObject() @ValidateNested() @Type(() => PayeeDto) payee: PayeeDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'LS against a contract (checked once e-delivery contracts exist)' }) @IsOptional() @IsUUID() contractId?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100) terminNo?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'GU: the approved SPJ this replenishes' }) @IsOptional() @IsUUID() spjId?: string;
  @ApiPropertyOptional({ example: 'Pengadaan alat tulis kantor triwulan I', description: 'the purpose (uraian) of the payment' })
  @IsOptional() @IsString() @MaxLength(1000) purpose?: string;
  @ApiPropertyOptional({ enum: LS_SUBTYPES, description: 'LS only; default GOODS_SERVICES' }) @IsOptional() @IsIn(LS_SUBTYPES) lsSubtype?: LsSubtype;
  @ApiPropertyOptional({ type: [TaxCodeDto], description: 'LS only: the taxes to withhold (codes of the year\'s tax table)' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => TaxCodeDto)
  taxes?: TaxCodeDto[];
}

export class SppQueryDto extends CursorPageQueryDto {
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
  @ApiProperty() vatRegistered: boolean;
  @ApiProperty({ enum: QUALIFICATIONS, nullable: true }) qualification: string | null;
}

export class SppTaxResponse {
  @ApiProperty({ example: 'PPH22' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TAX_BASES, description: 'DPP (the gross without VAT), GROSS or HALF_GROSS' }) base: string;
  @ApiProperty({ example: '9009009.00', description: 'the amount the rate is applied to' }) baseAmount: string;
  @ApiProperty({ example: '1.5000', description: 'percent applied, surcharge without NPWP included' }) rate: string;
  @ApiProperty({ example: '0.0000', description: 'percent added to the table rate because the payee has no NPWP' }) surcharge: string;
  @ApiProperty({ example: '135135.00', description: 'whole rupiah (rounded down)' }) amount: string;
  @ApiProperty({ nullable: true, type: String, description: 'why nothing was collected (e.g. at most the minimum gross)' }) note: string | null;
}

export class SppResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SPP-LS/2026/000001' }) number: string;
  @ApiProperty({ enum: SPP_TYPES }) type: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: SPP_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) organizationName: string;
  @ApiProperty({ nullable: true, type: String }) purpose: string | null;
  @ApiProperty({ enum: LS_SUBTYPES, nullable: true }) lsSubtype: string | null;
  @ApiProperty({ example: '50000.00' }) gross: string;
  @ApiProperty({ example: '45045.00', nullable: true, type: String, description: 'the tax base: the gross without VAT (gross x 100/111 from a PKP payee)' }) dpp: string | null;
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
  @ApiProperty({ type: PayeeDto, description: 'the corrected payee (name, NPWP, bank and account)' }) @IsObject() @ValidateNested() @Type(() => PayeeDto) payee: PayeeDto;
  @ApiProperty({ example: 'the supplier\'s account number was wrong; SP2D cancelled' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
