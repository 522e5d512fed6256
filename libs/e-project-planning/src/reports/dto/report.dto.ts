import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '@grms/core';

export class PlanReportQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

/** A plan report's filters and, for its JSON, the page (API.md's list shape); the downloads carry every row. */
export class PlanReportPageQueryDto extends PageQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class RupRow {
  @ApiProperty({ description: 'Kode RUP' }) rupCode: string;
  @ApiProperty({ description: 'Kode paket' }) packageCode: string;
  @ApiProperty({ description: 'Nama paket' }) name: string;
  @ApiProperty({ description: 'Satuan kerja' }) organizationName: string;
  @ApiProperty() subActivityCode: string;
  @ApiProperty({ description: 'Lokasi (region code: detail; ...)' }) location: string;
  @ApiProperty({ nullable: true, type: String, description: 'Volume pekerjaan' }) volume: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'Jenis pengadaan' }) type: string;
  @ApiProperty({ description: 'Cara pengadaan' }) mode: string;
  @ApiProperty({ description: 'Metode pemilihan' }) method: string;
  @ApiProperty({ description: 'Produk dalam negeri' }) domesticProduct: boolean;
  @ApiProperty({ description: 'Usaha kecil' }) smallBusiness: boolean;
  @ApiProperty({ description: 'Sumber dana (codes)' }) fundingSources: string;
  @ApiProperty({ description: 'Kode anggaran: sub kegiatan / account of each funding line' }) budgetCodes: string;
  @ApiProperty({ description: 'Total pagu', example: '300000000.00' }) value: string;
  @ApiProperty() procurementStart: string;
  @ApiProperty() procurementEnd: string;
  @ApiProperty() executionStart: string;
  @ApiProperty() executionEnd: string;
  @ApiProperty({ nullable: true, type: String }) useStart: string | null;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
}

export class RkoRow {
  @ApiProperty() subActivityCode: string;
  @ApiProperty() subActivityName: string;
  @ApiProperty() packageCode: string;
  @ApiProperty() name: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ example: '300000000.00' }) value: string;
  @ApiProperty({ type: [String], description: 'cumulative physical % per month' }) physical: string[];
  @ApiProperty({ type: [String], description: 'financial plan per month' }) financial: string[];
}
