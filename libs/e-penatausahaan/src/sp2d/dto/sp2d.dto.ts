import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Sp2dTaxDepositDto } from '../../tax-deposits/dto/tax-deposit.dto';
import { CursorPageQueryDto } from '@grms/core';
import { FORMATS } from '../../bku/dto/bku.dto';

export class CreateSp2dDto {
  @ApiProperty({ format: 'uuid', description: 'an APPROVED SPM' }) @IsUUID() spmId: string;
  @ApiPropertyOptional({ example: '2026-03-15', description: 'the SP2D date, the value date of its ledger entries: in the fiscal year, not in the future, in an open month (default today)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'issuedOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  issuedOn?: string;
  @ApiPropertyOptional({ type: [Sp2dTaxDepositDto], description: 'LS: billing code and NTPN of the taxes deposited with the payment, when already known (else recorded later at /penatausahaan/tax-deposits/{id}/proof)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => Sp2dTaxDepositDto) taxDeposits?: Sp2dTaxDepositDto[];
}

export class Sp2dQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['ISSUED', 'CANCELLED'] }) @IsOptional() @IsIn(['ISSUED', 'CANCELLED']) status?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() spmId?: string;
}

/** `page`/`limit` page the JSON register; csv/xlsx downloads carry every SP2D. */
export class Sp2dRegisterQueryDto extends CursorPageQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS) format?: (typeof FORMATS)[number];
}

export class Sp2dResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SP2D-LS/2026/000001' }) number: string;
  @ApiProperty({ format: 'uuid' }) spmId: string;
  @ApiProperty() spmNumber: string;
  @ApiProperty({ format: 'uuid' }) sppId: string;
  @ApiProperty() sppNumber: string;
  @ApiProperty({ enum: ['LS', 'UP', 'GU', 'TU'] }) type: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: '1.01.0.00.0.00.01.0000' }) organizationCode: string;
  @ApiProperty({ example: 'Dinas Pendidikan dan Kebudayaan' }) organizationName: string;
  @ApiProperty({ enum: ['ISSUED', 'CANCELLED'] }) status: string;
  @ApiProperty({ example: '50000.00' }) gross: string;
  @ApiProperty({ example: '49000.00' }) net: string;
  @ApiProperty() payeeName: string;
  @ApiProperty({ nullable: true, type: String, description: 'the purpose (uraian) of the SPP' }) purpose: string | null;
  @ApiProperty({ nullable: true, enum: ['PAYROLL', 'GOODS_SERVICES', 'THIRD_PARTY'], description: 'LS only' }) lsSubtype: string | null;
  @ApiProperty({ example: { PPN: '990990.00', PPH22: '135135.00' }, description: 'deductions by tax type (amounts withheld)', type: 'object', additionalProperties: { type: 'string' } }) deductions: Record<string, string>;
  @ApiProperty({ example: '1126125.00' }) deductionsTotal: string;
  @ApiProperty({ description: 'full name of the issuer' }) issuedByName: string;
  @ApiProperty({ example: '2026-03-15' }) issuedOn: string;
  @ApiProperty({ nullable: true, type: String, description: 'TU: the date by which the advance must be accounted (SPJ) and the rest returned' }) accountDueOn: string | null;
  @ApiProperty({ description: 'TU only: past accountDueOn without an approved SPJ' }) accountOverdue: boolean;
  @ApiProperty() issuedBy: string;
  @ApiProperty({ nullable: true, type: String }) cancelledBy: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() createdAt: string;
}
