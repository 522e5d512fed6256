import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '@grms/core';
import { DocumentItemResponse } from './document-item.dto';

export const STAGES = ['MURNI', 'PERGESERAN', 'PERUBAHAN'] as const;
export type Stage = (typeof STAGES)[number];
export const DOCUMENT_KINDS = ['EXPENDITURE', 'REVENUE', 'FINANCING'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'SUPERSEDED', 'DELETED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export class CreateDocumentDto {
  @ApiProperty({ example: 2027 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the OPD; defaults to the user\'s own' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiProperty({ example: '1.01.02.1.01.0072', description: 'a sub kegiatan (level 5 of the nomenclature)' }) @IsString() @Matches(/^[0-9X][0-9X.]*$/) subActivityCode: string;
  @ApiProperty({ enum: STAGES, description: 'MURNI: the original budget; PERGESERAN/PERUBAHAN: a revision, starting as a copy of the approved version' })
  @IsIn(STAGES) stage: Stage;
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, default: 'EXPENDITURE',
    description: 'EXPENDITURE (5.* accounts; the RKA belanja), REVENUE (4.*: an OPD\'s revenue estimates, RKA pendapatan) or FINANCING (6.*: receipts such as SiLPA and expenditures, BPKAD only); one document chain per sub kegiatan and kind' })
  @IsOptional() @IsIn(DOCUMENT_KINDS) kind?: DocumentKind;
}

export class DocumentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2027 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() subActivityCode?: string;
  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES }) @IsOptional() @IsIn(DOCUMENT_STATUSES) status?: DocumentStatus;
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: Stage;
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS }) @IsOptional() @IsIn(DOCUMENT_KINDS) kind?: DocumentKind;
}

export class RejectDocumentDto {
  @ApiProperty({ example: 'harga satuan belum sesuai SSH' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() subActivityCode: string;
  @ApiProperty() subActivityName: string;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'EXPENDITURE (approval posts APPROPRIATION), REVENUE or FINANCING (approval posts ESTIMATE)' }) kind: string;
  @ApiProperty({ description: '0 for MURNI, then 1, 2, ... per approved revision' }) revision: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the approved version this revision started from' }) previousId: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES, description: 'APPROVED = DPA; SUPERSEDED = an approved version replaced by a later one' }) status: string;
  @ApiProperty({ example: '150000000.00' }) total: string;
  @ApiProperty() itemCount: number;
  @ApiPropertyOptional({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['WITHIN_OBJEK', 'BETWEEN_OBJEK'], description: 'a submitted PERGESERAN: within one objek (approved by REGIONAL_FINANCE_HEAD) or between objek of one jenis (REGIONAL_SECRETARY)' })
  shiftClass: string | null;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ type: String, nullable: true }) approvedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) approvedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class AccountTotalResponse {
  @ApiProperty() accountCode: string;
  @ApiProperty() accountName: string;
  @ApiProperty() fundingSourceCode: string;
  @ApiProperty() total: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the approved amount of the previous version (revisions)' }) previousTotal: string | null;
}

export class DocumentDetailResponse extends DocumentResponse {
  @ApiProperty({ type: [DocumentItemResponse] }) items: DocumentItemResponse[];
  @ApiProperty({ type: [AccountTotalResponse], description: 'totals per budget line (account x funding source)' }) lines: AccountTotalResponse[];
  @ApiProperty({ example: '150000000.00' }) subtotal: string;
  @ApiProperty({ example: '0.00' }) vatTotal: string;
}

export class DocumentEventResponse {
  @ApiProperty() action: string;
  @ApiPropertyOptional({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty() total: string;
  @ApiProperty() itemCount: number;
  @ApiPropertyOptional({ type: String, nullable: true }) reason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorUsername: string | null;
  @ApiProperty() occurredAt: string;
}
