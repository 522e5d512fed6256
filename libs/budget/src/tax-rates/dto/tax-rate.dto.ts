import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMoney } from '@grms/core';
import { PAYMENT_KINDS, PaymentKind, Qualification, QUALIFICATIONS, TAX_BASES, TaxBase } from '../tax-rate';

const PERCENT = /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/;

export class TaxQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
}

export class PutTaxRateDto {
  @ApiProperty({ example: 'PPh 23 on services and rent' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: '2', description: 'percent of the gross, 0-100, at most 4 decimals, as a string' })
  @IsString() @Matches(PERCENT, { message: 'rate must be a percentage from 0 to 100 with at most 4 decimals, as a string' })
  rate: string;
  @ApiPropertyOptional({ enum: TAX_BASES, description: 'DPP: the gross without VAT (gross x 100/111 from a VAT-registered payee); GROSS; HALF_GROSS' })
  @IsOptional() @IsIn(TAX_BASES) base?: TaxBase;
  @ApiPropertyOptional({ example: '2000000.00', description: 'not collected when the gross is at most this; "0.00": always' })
  @IsOptional() @IsMoney() minGross?: string;
  @ApiPropertyOptional({ type: [String], example: ['5.1.01'], description: 'account code prefixes the tax does not apply to' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(/^[0-9](\.[0-9]+)*$/, { each: true, message: 'each excluded account is an account code prefix' }) excludedAccounts?: string[];
  @ApiPropertyOptional({ enum: PAYMENT_KINDS, isArray: true, description: 'payment kinds the tax does not apply to' })
  @IsOptional() @IsArray() @ArrayMaxSize(PAYMENT_KINDS.length) @ArrayUnique() @IsIn(PAYMENT_KINDS, { each: true }) excludedPaymentKinds?: PaymentKind[];
  @ApiPropertyOptional({ description: 'collected only from a VAT-registered payee (PKP)' }) @IsOptional() @IsBoolean() requiresPkp?: boolean;
  @ApiPropertyOptional({ example: '100', description: 'percent added to the rate when the payee has no NPWP (100 = twice the rate)' })
  @IsOptional() @IsString() @Matches(PERCENT, { message: 'noNpwpSurcharge must be a percentage from 0 to 100, as a string' }) noNpwpSurcharge?: string;
  @ApiPropertyOptional({ type: String, example: 'PPH4_2', nullable: true, description: 'rows of one group are alternatives picked by the payee qualification' })
  @IsOptional() @IsString() @Matches(/^[A-Z0-9_]{2,30}$/) group?: string | null;
  @ApiPropertyOptional({ enum: QUALIFICATIONS, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(QUALIFICATIONS.length) @ArrayUnique() @IsIn(QUALIFICATIONS, { each: true }) qualifications?: Qualification[];
}

export class TaxRateResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ example: 'PPH23' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2.0000' }) rate: string;
  @ApiProperty({ enum: TAX_BASES }) base: TaxBase;
  @ApiProperty({ nullable: true, type: String, example: '2000000.00' }) minGross: string | null;
  @ApiProperty({ type: [String] }) excludedAccounts: string[];
  @ApiProperty({ enum: PAYMENT_KINDS, isArray: true }) excludedPaymentKinds: PaymentKind[];
  @ApiProperty() requiresPkp: boolean;
  @ApiProperty({ example: '100.0000' }) noNpwpSurcharge: string;
  @ApiProperty({ nullable: true, type: String }) group: string | null;
  @ApiProperty({ enum: QUALIFICATIONS, isArray: true }) qualifications: Qualification[];
  @ApiProperty({ description: 'true when the year has its own row; false when the default table applies' }) configured: boolean;
}
