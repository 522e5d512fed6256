import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, Max, MinLength } from 'class-validator';
import { CursorPageQueryDto, IsMoney, IsOmittable } from '@grms/core';
import { HSB_CATEGORIES, HSB_CEILINGS, HsbCategory, HsbCeiling } from '../hsb-item.types';

const ACCOUNT = /^5\.\d\.\d{2}\.\d{2}\.\d{2}\.\d{3,4}$/;

export class CreateHsbItemDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ example: '1.1.12.01.03.0001.00042' }) @IsString() @MinLength(1) @MaxLength(64) @Matches(/^\S(.*\S)?$/, { message: 'code must not start or end with spaces' }) code: string;
  @ApiProperty({ example: 'Kertas HVS A4 80 gram' }) @IsString() @MinLength(1) @MaxLength(500) name: string;
  @ApiPropertyOptional({ example: '1 rim isi 500 lembar' }) @IsOptional() @IsString() @MaxLength(2000) specification?: string;
  @ApiProperty({ example: 'Rim' }) @IsString() @MinLength(1) @MaxLength(64) unit: string;
  @IsMoney() price: string;
  @ApiProperty({ enum: HSB_CATEGORIES }) @IsIn(HSB_CATEGORIES) category: HsbCategory;
  @ApiProperty({ type: [String], example: ['5.1.02.01.01.0024'], description: 'expenditure account leaves this item may be budgeted under' })
  @IsArray() @ArrayMaxSize(50) @Matches(ACCOUNT, { each: true, message: 'each account code must be an expenditure leaf such as 5.1.02.01.01.0024' }) accountCodes: string[];
  @ApiProperty({ enum: HSB_CEILINGS, description: 'HARD: a budget item may not exceed the price; ESTIMATE: it may, with a justification' })
  @IsIn(HSB_CEILINGS) ceiling: HsbCeiling;
}

export class UpdateHsbItemDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(500) name?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(2000) specification?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(64) unit?: string;
  @IsOmittable() @IsMoney({}, undefined, { required: false }) price?: string;
  @ApiPropertyOptional({ enum: HSB_CATEGORIES }) @IsOmittable() @IsIn(HSB_CATEGORIES) category?: HsbCategory;
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsArray() @ArrayMaxSize(50) @Matches(ACCOUNT, { each: true, message: 'each account code must be an expenditure leaf such as 5.1.02.01.01.0024' }) accountCodes?: string[];
  @ApiPropertyOptional({ enum: HSB_CEILINGS }) @IsOmittable() @IsIn(HSB_CEILINGS) ceiling?: HsbCeiling;
  @ApiPropertyOptional({ description: 'optimistic check: the version the client last saw' }) @IsOmittable() @IsInt() @Min(1) expectedVersion?: number;
}

export class HsbItemQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ example: 'kertas a4', description: 'words of the code, name or specification (all must occur)' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: HSB_CATEGORIES }) @IsOptional() @IsIn(HSB_CATEGORIES) category?: HsbCategory;
  @ApiPropertyOptional({ example: '5.1.02.01.01.0024', description: 'an account leaf, or a parent code to match every leaf under it' })
  @IsOptional() @Matches(/^[4-6](\.\d+)*$/) accountCode?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) locked?: 'true' | 'false';
}

export class HsbItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() specification: string;
  @ApiProperty() unit: string;
  @ApiProperty({ example: '55000.00' }) price: string;
  @ApiProperty({ enum: HSB_CATEGORIES }) category: string;
  @ApiProperty({ type: [String] }) accountCodes: string[];
  @ApiProperty({ enum: HSB_CEILINGS }) ceiling: string;
  @ApiProperty({ description: 'current version; a price change makes a new one' }) version: number;
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty() locked: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) lockedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class HsbItemVersionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty() specification: string;
  @ApiProperty() unit: string;
  @ApiProperty() price: string;
  @ApiProperty() category: string;
  @ApiProperty() ceiling: string;
  @ApiProperty({ type: [String] }) accountCodes: string[];
  @ApiProperty({ description: 'API, IMPORT or SEED' }) source: string;
  @ApiProperty() createdAt: string;
}

export class HsbItemDetailResponse extends HsbItemResponse {
  @ApiProperty({ type: [HsbItemVersionResponse] }) versions: HsbItemVersionResponse[];
}
