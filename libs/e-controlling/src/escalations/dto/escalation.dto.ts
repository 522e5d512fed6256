import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const ESCALATION_KINDS = ['SHOW_CAUSE_MEETING', 'WARNING_LETTER', 'OUTCOME'] as const;
export const ESCALATION_OUTCOMES = ['RECOVERED', 'ADDENDUM', 'TERMINATED'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateEscalationDto {
  @ApiProperty({ enum: ESCALATION_KINDS }) @IsIn(ESCALATION_KINDS) kind: (typeof ESCALATION_KINDS)[number];
  @ApiPropertyOptional({ minimum: 1, maximum: 3, description: 'I-III, for meetings and letters (in order)' }) @IsOptional() @IsInt() @Min(1) @Max(3) stage?: number;
  @ApiProperty({ example: '2026-09-10', description: 'the meeting, letter or decision date' }) @Matches(DATE, { message: 'heldOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) heldOn: string;
  @ApiPropertyOptional({ example: 'SP-1/PPK/DISDIKBUD/IX/2026', description: 'warning letter number' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) documentNumber?: string;
  @ApiPropertyOptional({ example: '35.00', description: 'show-cause meeting: the progress % agreed (test case)' })
  @IsOptional() @IsString() @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'targetPercent must be a percentage with at most two decimals' }) targetPercent?: string;
  @ApiPropertyOptional({ example: '2026-09-30', description: 'show-cause meeting: by when' }) @IsOptional() @Matches(DATE, { message: 'targetDate must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) targetDate?: string;
  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES, description: 'OUTCOME only' }) @IsOptional() @IsIn(ESCALATION_OUTCOMES) outcome?: (typeof ESCALATION_OUTCOMES)[number];
  @ApiProperty({ example: 'penyedia menambah tenaga kerja dan alat; uji coba 21 hari' }) @IsString() @IsNotEmpty() @MaxLength(2000) note: string;
}

export class EscalationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty() contractNumber: string;
  @ApiProperty({ enum: ESCALATION_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: Number }) stage: number | null;
  @ApiProperty() heldOn: string;
  @ApiProperty({ nullable: true, type: String }) documentNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) targetPercent: string | null;
  @ApiProperty({ nullable: true, type: String }) targetDate: string | null;
  @ApiProperty({ nullable: true, type: String, enum: [...ESCALATION_OUTCOMES, null] }) outcome: string | null;
  @ApiProperty() note: string;
  @ApiProperty() createdBy: string;
}
