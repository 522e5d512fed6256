import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches, ValidateIf, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsMoney, IsOmittable } from '@grms/core';
import { QUANTITY_PATTERN } from '../../pricing/item-amounts';

export class CoefficientDto {
  @ApiProperty({ example: '10', description: 'decimal string, up to 4 decimals' })
  @IsString() @Matches(QUANTITY_PATTERN, { message: 'quantity must be a positive decimal string with at most 4 decimals, e.g. "10" or "2.5"' }) quantity: string;
  @ApiProperty({ example: 'orang' }) @IsString() @MinLength(1) @MaxLength(40) unit: string;
}

export class CreateDocumentItemDto {
  @ApiProperty({ example: '5.1.02.01.01.0024' }) @IsString() @Matches(/^[0-9.]+$/) accountCode: string;
  @ApiProperty({ example: '1.2.1.01.02' }) @IsString() @Matches(/^[0-9.]+$/) fundingSourceCode: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the e-HSB item priced; its current version is kept with the budget item' }) @IsOptional() @IsUUID() hsbItemId?: string;
  @ApiProperty({ example: 'Kertas HVS A4 80 gram' }) @IsString() @MinLength(1) @MaxLength(1000) description: string;
  @ApiProperty({ type: [CoefficientDto], example: [{ quantity: '10', unit: 'orang' }, { quantity: '2', unit: 'hari' }] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(6) @ValidateNested({ each: true }) @Type(() => CoefficientDto) coefficients: CoefficientDto[];
  @ValidateIf((o: CreateDocumentItemDto) => !o.hsbItemId || o.unitPrice !== undefined)
  @IsMoney({}, undefined, { required: false, description: 'the unit price; defaults to the catalogue price when an e-HSB item is given' }) unitPrice?: string;
  @ApiProperty({ description: 'add VAT at the fiscal year\'s rate' }) @IsBoolean() vat: boolean;
  @ApiPropertyOptional({ description: 'required when the unit price is above an ESTIMATE e-HSB price' }) @IsOptional() @IsString() @MaxLength(2000) justification?: string;
}

export class UpdateDocumentItemDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Matches(/^[0-9.]+$/) accountCode?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @Matches(/^[0-9.]+$/) fundingSourceCode?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() hsbItemId?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(1000) description?: string;
  @ApiPropertyOptional({ type: [CoefficientDto] }) @IsOmittable() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(6) @ValidateNested({ each: true }) @Type(() => CoefficientDto) coefficients?: CoefficientDto[];
  @IsOmittable() @IsMoney({}, undefined, { required: false }) unitPrice?: string;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() vat?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(2000) justification?: string;
}

export class DocumentItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() accountCode: string;
  @ApiProperty() fundingSourceCode: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) hsbItemId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) hsbCode: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the catalogue version the item was priced with' }) hsbVersion: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) hsbPrice: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ type: [CoefficientDto] }) coefficients: CoefficientDto[];
  @ApiProperty({ example: '20' }) volume: string;
  @ApiProperty({ example: 'orang-hari' }) volumeUnit: string;
  @ApiProperty({ example: '150000.00' }) unitPrice: string;
  @ApiProperty() vat: boolean;
  @ApiProperty({ example: '0.110000' }) vatRate: string;
  @ApiProperty({ example: '3000000.00' }) subtotal: string;
  @ApiProperty({ example: '330000.00' }) vatAmount: string;
  @ApiProperty({ example: '3330000.00' }) total: string;
  @ApiPropertyOptional({ type: String, nullable: true }) justification: string | null;
}
