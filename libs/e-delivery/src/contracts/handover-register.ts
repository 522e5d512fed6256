import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Column } from '@grms/core';

export class HandoverQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class HandoverRow {
  @ApiProperty() contractNumber: string;
  @ApiProperty() packageName: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() vendorName: string;
  @ApiProperty() vendorNpwp: string;
  @ApiProperty({ enum: ['PHO', 'FHO'] }) kind: string;
  @ApiProperty() date: string;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty() value: string;
  @ApiProperty({ nullable: true, type: String, description: 'PHO: the end of the maintenance period' }) maintenanceUntil: string | null;
  @ApiProperty() recordedBy: string;
}

export const HANDOVER_COLUMNS: Column<HandoverRow>[] = [
  { header: 'Nomor Kontrak', value: (r) => r.contractNumber }, { header: 'Paket', value: (r) => r.packageName }, { header: 'Satuan Kerja', value: (r) => r.organizationName },
  { header: 'Penyedia', value: (r) => r.vendorName }, { header: 'NPWP', value: (r) => r.vendorNpwp }, { header: 'Jenis', value: (r) => r.kind },
  { header: 'Tanggal', value: (r) => r.date }, { header: 'Nomor BAST', value: (r) => r.number }, { header: 'Nilai Kontrak', value: (r) => r.value, money: true },
  { header: 'Masa Pemeliharaan s.d.', value: (r) => r.maintenanceUntil }, { header: 'Dicatat oleh', value: (r) => r.recordedBy },
];

export const HANDOVER_SELECT = `
  SELECT c.number AS "contractNumber", p.name AS "packageName", o.name AS "organizationName", v.name AS "vendorName", v.npwp AS "vendorNpwp",
    h.kind, to_char(h.handover_date, 'YYYY-MM-DD') AS date, h.number, c.value::text AS value,
    CASE WHEN h.kind = 'PHO' THEN to_char(h.handover_date + c.maintenance_days, 'YYYY-MM-DD') END AS "maintenanceUntil", u.username AS "recordedBy"
  FROM handovers h JOIN contracts c ON c.id = h.contract_id JOIN packages p ON p.id = c.package_id JOIN organizations o ON o.id = c.organization_id
  JOIN vendors v ON v.id = c.vendor_id JOIN users u ON u.id = h.created_by`;
