import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@grms/core';

export const VENDOR_KINDS = ['COMPANY', 'INDIVIDUAL', 'JOINT_OPERATION'] as const;
export const QUALIFICATIONS = ['SMALL', 'MEDIUM', 'LARGE'] as const;

export class BankAccountDto {
  @ApiProperty({ example: 'Bank Jateng' }) @IsString() @IsNotEmpty() @MaxLength(100) bankName: string;
  @ApiProperty({ example: '1234567890' }) @IsString() @Matches(/^[0-9][0-9-]{4,33}$/, { message: 'bankAccount must be 5-34 digits (dashes allowed)' }) bankAccount: string;
}

export class CertificateDto {
  @ApiProperty({ example: 'SBU-BG004', description: 'construction business certificate (SBU) or competence certificate code' }) @IsString() @IsNotEmpty() @MaxLength(100) code: string;
  @ApiProperty({ example: 'SMALL', enum: QUALIFICATIONS, description: 'the qualification it certifies (decides the PPh 4(2) construction rate)' }) @IsIn(QUALIFICATIONS) qualification: string;
  @ApiProperty({ example: '2025-01-01' }) @IsISO8601({ strict: true }) validFrom: string;
  @ApiProperty({ example: '2028-01-01' }) @IsISO8601({ strict: true }) validUntil: string;
}

export class CreateVendorDto {
  @ApiPropertyOptional({ enum: VENDOR_KINDS, default: 'COMPANY', description: 'default COMPANY (a CV or PT), as API.md registers a vendor without it' })
  @IsOptional() @IsIn(VENDOR_KINDS) kind?: string;
  @ApiProperty({ example: 'CV Maju Jaya' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: '01.234.567.8-901.000', description: '15 or 16 digits; one vendor per NPWP' }) @IsString() @MaxLength(30) npwp: string;
  @ApiPropertyOptional({ example: '9120001234567', description: 'NIB (business id)' }) @IsOptional() @IsString() @MaxLength(50) businessId?: string;
  @ApiPropertyOptional({ default: false, description: 'PKP: charges VAT' }) @IsOptional() @IsBoolean() vatRegistered?: boolean;
  @ApiPropertyOptional({ enum: QUALIFICATIONS, description: 'the business qualification; left out: not declared (null), and the advance limit is that of a non-small vendor. The taxes of a termin follow the certificates, not this' })
  @IsOptional() @IsIn(QUALIFICATIONS) qualification?: string;
  @ApiPropertyOptional({ type: [CertificateDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CertificateDto) certificates?: CertificateDto[];
  @ApiPropertyOptional({ example: 'Bank Jateng', description: 'shorthand for one bank account (API.md); or bankAccounts' }) @IsOptional() @IsString() @MaxLength(100) bankName?: string;
  @ApiPropertyOptional({ example: '1234567890' }) @IsOptional() @IsString() @Matches(/^[0-9][0-9-]{4,33}$/, { message: 'bankAccount must be 5-34 digits (dashes allowed)' }) bankAccount?: string;
  @ApiPropertyOptional({ type: [BankAccountDto] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => BankAccountDto) bankAccounts?: BankAccountDto[];
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() blacklisted?: boolean;
  @ApiPropertyOptional({ description: 'the blacklist decision (required when blacklisted)' }) @IsOptional() @IsString() @MaxLength(300) blacklistRef?: string;
}

export class VendorQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'name or NPWP contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class VendorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: VENDOR_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '012345678901000' }) npwp: string;
  @ApiProperty({ nullable: true, type: String }) businessId: string | null;
  @ApiProperty() vatRegistered: boolean;
  @ApiProperty({ enum: QUALIFICATIONS, nullable: true, type: String, description: 'null: not declared' }) qualification: string | null;
  @ApiProperty({ type: [CertificateDto] }) certificates: CertificateDto[];
  @ApiProperty({ type: [BankAccountDto] }) bankAccounts: BankAccountDto[];
  @ApiProperty() blacklisted: boolean;
  @ApiProperty({ nullable: true, type: String }) blacklistRef: string | null;
}

export class BlacklistDto {
  @ApiProperty({ example: 'SK Kepala Dinas 027/123/2026' }) @IsString() @IsNotEmpty() @MaxLength(300) reference: string;
}
