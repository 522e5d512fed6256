import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsMoney, PageQueryDto } from '@grms/core';

export const BILLING_CODE = /^[0-9]{15}$/;
export const NTPN = /^[0-9A-Z]{16}$/;

export class DepositProofDto {
  @ApiProperty({ example: '820260300012345', description: 'the billing code (kode billing, 15 digits) the deposit was paid with' })
  @IsString() @Matches(BILLING_CODE, { message: 'billingCode must be the 15 digits of a kode billing' }) billingCode: string;
  @ApiProperty({ example: '0A1B2C3D4E5F6G7H', description: 'the deposit receipt number (NTPN, 16 characters A-Z 0-9) from the bank' })
  @IsString() @Matches(NTPN, { message: 'ntpn must be 16 characters A-Z and 0-9' }) ntpn: string;
}

export class Sp2dTaxDepositDto extends DepositProofDto {
  @ApiProperty({ example: 'PPN', description: 'the code of a tax withheld on the SP2D\'s SPP' }) @IsString() @Matches(/^[A-Z0-9_]{2,30}$/) code: string;
}

export class CreateTaxDepositDto extends DepositProofDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ example: 'PPH23', description: 'the tax type whose withheld balance is deposited' }) @IsString() @Matches(/^[A-Z0-9_]{2,30}$/) taxCode: string;
  @IsMoney({ allowZero: false }) amount: string;
  @ApiProperty({ example: '2026-03-10' }) @IsISO8601({ strict: true }) depositDate: string;
}

export class TaxDepositQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ example: 'PPN' }) @IsOptional() @IsString() @Matches(/^[A-Z0-9_]{2,30}$/) taxCode?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only deposits still without NTPN' }) @IsOptional() @IsIn(['true', 'false']) missingNtpn?: string;
}

export class TaxDepositResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ example: 'PPN' }) taxCode: string;
  @ApiProperty({ example: '990990.00' }) amount: string;
  @ApiProperty({ example: '2026-03-10' }) depositedOn: string;
  @ApiProperty({ nullable: true, type: String }) billingCode: string | null;
  @ApiProperty({ nullable: true, type: String }) ntpn: string | null;
  @ApiProperty({ enum: ['Sp2d', 'Treasurer'], description: 'Sp2d: withheld on an LS SP2D and deposited the same day; Treasurer: deposited from the treasurer\'s tax balance' }) sourceType: string;
  @ApiProperty({ nullable: true, type: String, description: 'the SP2D number, for deposits of LS taxes' }) documentNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty() createdBy: string;
}
