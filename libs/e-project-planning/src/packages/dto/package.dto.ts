import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { CursorPageQueryDto, IsMoney } from '@grms/core';
import { PACKAGE_METHODS, PACKAGE_MODES, PACKAGE_STATUSES, PACKAGE_TYPES } from '../package.constants';

export class FundingLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() budgetLineId: string;
  @IsMoney({ allowZero: false }) amount: string;
}

export class FundingLineResponse {
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty({ example: '150000000.00' }) amount: string;
}

export class LocationDto {
  @ApiProperty({ example: '33.74', description: 'region code (Kemendagri): province, regency/city or district' }) @IsString() @Matches(/^\d{2}(\.\d{2}){0,3}$/) regionCode: string;
  @ApiProperty({ example: 'SMA Negeri 1 Semarang, Jl. Menteri Supeno 1' }) @IsString() @IsNotEmpty() @MaxLength(500) detail: string;
  @ApiPropertyOptional({ example: -6.9932 }) @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number;
  @ApiPropertyOptional({ example: 110.4203 }) @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number;
}

const DATE = { example: '2026-03-01' };

export class PackageBodyDto {
  @ApiProperty({ example: 'Rehabilitasi ruang kelas SMA N 1 Semarang' }) @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ example: '1', description: 'volume, decimal string' }) @IsOptional() @IsString() @Matches(/^\d{1,16}(\.\d{1,4})?$/) volume?: string;
  @ApiPropertyOptional({ example: 'paket' }) @IsOptional() @IsString() @MaxLength(50) unit?: string;
  @ApiPropertyOptional({ type: [LocationDto], description: 'where the work is; required unless `location` is given' })
  @ValidateIf((o: PackageBodyDto) => o.location === undefined) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LocationDto) locations: LocationDto[];
  @ApiPropertyOptional({ example: 'SMA Negeri 1 Semarang', description: 'API.md\'s one free-text location, instead of `locations`: stored as one location in the region of the regional government (the code of its PEMDA organization, e.g. 33 for Jawa Tengah)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) location?: string;
  @ApiProperty({ enum: PACKAGE_TYPES }) @IsIn(PACKAGE_TYPES) type: (typeof PACKAGE_TYPES)[number];
  @ApiPropertyOptional({ enum: PACKAGE_MODES, default: 'PROVIDER' }) @IsOptional() @IsIn(PACKAGE_MODES) mode?: string;
  @ApiProperty({ enum: PACKAGE_METHODS }) @IsIn(PACKAGE_METHODS) method: (typeof PACKAGE_METHODS)[number];
  @IsMoney({ allowZero: false }, undefined, { description: 'VAT included' }) value: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() domesticProduct?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() smallBusiness?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() multiYear?: boolean;
  @ApiPropertyOptional({ description: 'approval reference of a multi-year package (required when multiYear)' }) @IsOptional() @IsString() @MaxLength(200) multiYearRef?: string;
  @ApiProperty({ type: [FundingLineDto], description: 'the DPA lines that fund the package; they sum to the value' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FundingLineDto) fundingLines: FundingLineDto[];
  @ApiProperty(DATE) @IsISO8601({ strict: true }) procurementStart: string;
  @ApiProperty(DATE) @IsISO8601({ strict: true }) procurementEnd: string;
  @ApiProperty(DATE) @IsISO8601({ strict: true }) executionStart: string;
  @ApiProperty(DATE) @IsISO8601({ strict: true }) executionEnd: string;
  @ApiPropertyOptional(DATE) @IsOptional() @IsISO8601({ strict: true }) useStart?: string;
}

export class CreatePackageDto extends PackageBodyDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ example: '1.01.02.2.01.0001' }) @IsString() @MaxLength(40) subActivityCode: string;
}

export class RevisePackageDto extends PackageBodyDto {
  @ApiPropertyOptional({ description: 'required once the package is announced: the revision becomes a new version with this reason' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
}

export class PackagePlanDto {
  @ApiProperty({ type: [String], example: ['0', '0', '10', '25', '40', '55', '70', '85', '95', '100', '100', '100'], description: 'cumulative physical %, per month' })
  @IsArray() @ArrayMinSize(12) @ArrayMaxSize(12) @IsString({ each: true }) physical: string[];
  @IsMoney({}, { each: true }, { type: [String], example: ['0.00', '0.00', '0.00', '150000000.00', '0.00', '0.00', '225000000.00', '0.00', '0.00', '0.00', '75000000.00', '0.00'], description: 'money per month, summing to the value' })
  @IsArray() @ArrayMinSize(12) @ArrayMaxSize(12) financial: string[];
}

export class PackageQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: PACKAGE_STATUSES }) @IsOptional() @IsIn(PACKAGE_STATUSES) status?: string;
  @ApiPropertyOptional({ example: '1.01.02.2.01.0001' }) @IsOptional() @IsString() @MaxLength(40) subActivityCode?: string;
}

export class PackageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PKT/2026/000001' }) code: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() subActivityCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) volume: string | null;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty({ type: [LocationDto] }) locations: LocationDto[];
  @ApiProperty({ enum: PACKAGE_TYPES }) type: string;
  @ApiProperty({ enum: PACKAGE_MODES }) mode: string;
  @ApiProperty({ enum: PACKAGE_METHODS }) method: string;
  @ApiProperty({ example: '300000000.00' }) value: string;
  @ApiProperty() domesticProduct: boolean;
  @ApiProperty() smallBusiness: boolean;
  @ApiProperty() multiYear: boolean;
  @ApiProperty({ nullable: true, type: String }) multiYearRef: string | null;
  @ApiProperty({ type: [FundingLineResponse] }) fundingLines: FundingLineResponse[];
  @ApiProperty() procurementStart: string;
  @ApiProperty() procurementEnd: string;
  @ApiProperty() executionStart: string;
  @ApiProperty() executionEnd: string;
  @ApiProperty({ nullable: true, type: String }) useStart: string | null;
  @ApiProperty({ nullable: true, type: [String] }) physicalPlan: string[] | null;
  @ApiProperty({ nullable: true, type: [String] }) financialPlan: string[] | null;
  @ApiProperty({ enum: PACKAGE_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'SiRUP code, given on announcement' }) rupCode: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) revisionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty({ type: [String], description: 'warnings that do not block: budget cut below the packages, split package, plan above the cash plan' }) warnings: string[];
}
