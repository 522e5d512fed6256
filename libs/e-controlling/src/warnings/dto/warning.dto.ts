import { ApiProperty } from '@nestjs/swagger';

export const WARNING_KINDS = ['NOT_TENDERED', 'NO_PROGRESS_REPORT', 'ALLOTMENT_UNSPENT', 'TU_OVERDUE', 'BEHIND_CASH_PLAN', 'YEAR_END_REMAINING', 'CRITICAL_CONTRACT'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export class WarningRow {
  @ApiProperty({ enum: WARNING_KINDS }) kind: WarningKind;
  @ApiProperty() organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ description: 'what the warning is about: a package code, contract, SP2D number, or sub kegiatan / account code' }) subject: string;
  @ApiProperty() subjectName: string;
  @ApiProperty({ description: 'the rule and its arithmetic' }) detail: string;
}
