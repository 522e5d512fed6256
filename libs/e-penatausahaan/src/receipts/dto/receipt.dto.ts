import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsMoney, PageQueryDto } from '@grms/core';
import { SppTaxResponse, TaxCodeDto } from '../../spp/dto/spp.dto';

export const MEDIA = ['CASH', 'BANK', 'PANJAR'] as const;
export const RECEIPT_STATUSES = ['RECORDED', 'IN_SPJ', 'REALISED', 'CANCELLED'] as const;

export class ReceiptPayeeDto {
  @ApiProperty({ example: 'Toko Sumber Rejeki' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: '01.234.567.8-901.000', description: 'without it PPh 22 and PPh 23 are withheld at twice the rate' }) @IsOptional() @IsString() @MaxLength(30) npwp?: string;
  @ApiPropertyOptional({ description: 'VAT-registered (PKP): the gross includes VAT. Left out: true when PPN is withheld (only a PKP charges it), else false' }) @IsOptional() @IsBoolean() vatRegistered?: boolean;
}

@ApiExtraModels(ReceiptPayeeDto)
export class CreateReceiptDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiProperty({ format: 'uuid', description: 'the live SP2D of the UP, GU or TU advance the payment is made from' }) @IsUUID() advanceSp2dId: string;
  @ApiProperty({ example: '2026-03-05', description: 'the day the payment was made: the BKU is written on it' }) @IsISO8601({ strict: true }) receiptDate: string;
  @ApiProperty({ example: 'BKT-0001', description: 'the receipt (kuitansi) number, unique in the OPD and year' }) @IsString() @IsNotEmpty() @MaxLength(60) number: string;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(ReceiptPayeeDto) }, { type: 'string', example: 'Toko Sumber Rejeki' }],
    description: 'the payee; API.md\'s plain name (a string) is the payee `{ name }` without an NPWP (PPh 22 and PPh 23 then at twice the rate)' })
  @Transform(({ value }) => (typeof value === 'string' ? plainToInstance(ReceiptPayeeDto, { name: value.trim() }) : value))
  @IsObject() @ValidateNested() @Type(() => ReceiptPayeeDto) payee: ReceiptPayeeDto;
  @ApiProperty({ format: 'uuid' }) @IsUUID() budgetLineId: string;
  @IsMoney({ allowZero: false }) gross: string;
  @ApiPropertyOptional({ type: [TaxCodeDto], description: 'taxes withheld on the payment (codes of the year\'s tax table)' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => TaxCodeDto) taxes?: TaxCodeDto[];
  @ApiProperty({ enum: MEDIA, description: 'paid in cash, from the bank account, or by an activity officer from the panjar they hold' }) @IsIn(MEDIA) medium: 'CASH' | 'BANK' | 'PANJAR';
  @ApiPropertyOptional({ example: 'Budi Santoso (PPTK)', description: 'medium PANJAR: the activity officer who paid from their panjar' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) officer?: string;
  @ApiProperty({ example: 'Pembelian kertas HVS 20 rim' }) @IsString() @IsNotEmpty() @MaxLength(500) description: string;
}

export class ReceiptQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() advanceSp2dId?: string;
  @ApiPropertyOptional({ enum: RECEIPT_STATUSES }) @IsOptional() @IsIn(RECEIPT_STATUSES) status?: string;
}

export class ReceiptResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) advanceSp2dId: string;
  @ApiProperty() advanceNumber: string;
  @ApiProperty({ example: '2026-03-05' }) receiptDate: string;
  @ApiProperty() payeeName: string;
  @ApiProperty({ nullable: true, type: String }) payeeNpwp: string | null;
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty({ example: '5.1.02.01.01.0024' }) accountCode: string;
  @ApiProperty({ example: '1000000.00' }) gross: string;
  @ApiProperty({ example: '1000000.00' }) dpp: string;
  @ApiProperty({ type: [SppTaxResponse] }) taxes: SppTaxResponse[];
  @ApiProperty({ example: '0.00' }) taxesTotal: string;
  @ApiProperty({ example: '1000000.00' }) net: string;
  @ApiProperty({ enum: MEDIA }) medium: string;
  @ApiProperty({ nullable: true, type: String }) officer: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ enum: RECEIPT_STATUSES, description: 'RECORDED; IN_SPJ once an SPJ gathers it; REALISED when that SPJ is approved; CANCELLED (recorded by mistake, its BKU entries reversed)' }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'why it was cancelled' }) cancelReason: string | null;
  @ApiProperty({ nullable: true, type: String }) spjNumber: string | null;
  @ApiProperty() createdBy: string;
}
