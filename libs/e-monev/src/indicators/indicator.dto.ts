import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMoney, IsOmittable, PageQueryDto } from '@grms/core';

export const LEVELS = ['PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN'] as const;
export type IndicatorLevel = (typeof LEVELS)[number];
export const DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export const AGGREGATIONS = ['SUM', 'LAST', 'AVERAGE'] as const;
/** A quantity (target, realisation): a decimal string with up to four decimals, never a JSON number. */
export const QUANTITY = /^\d{1,16}(\.\d{1,4})?$/;
const Q = (description: string, example = '12') => ApiProperty({ example, description: `${description}; a decimal string with up to 4 decimals` });
const QO = (description: string, example = '12') => ApiPropertyOptional({ example, description: `${description}; a decimal string with up to 4 decimals` });

export class CreateIndicatorDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the OPD; default the user\'s own' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiProperty({ enum: LEVELS, description: 'PROGRAM (outcome), KEGIATAN or SUB_KEGIATAN (output)' }) @IsIn(LEVELS) level: IndicatorLevel;
  @ApiProperty({ example: '1.01.02.1.01.0072', description: 'the nomenclature code of the row, in the year\'s code-list version' }) @IsString() @Matches(/^[0-9X]+(\.[0-9X]+)*$/) code: string;
  @ApiPropertyOptional({ example: 'Jumlah Ruang Kelas Baru yang Bertambah', description: 'default for a sub kegiatan: the nomenclature\'s output indicator' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) name?: string;
  @ApiPropertyOptional({ example: 'Ruang', description: 'default for a sub kegiatan: the nomenclature\'s unit; a different one is refused (UNIT_MISMATCH)' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) unit?: string;
  @ApiPropertyOptional({ enum: DIRECTIONS, default: 'HIGHER_IS_BETTER' }) @IsOptional() @IsIn(DIRECTIONS) direction?: (typeof DIRECTIONS)[number];
  @ApiPropertyOptional({ enum: AGGREGATIONS, description: 'how quarterly realisations make the realisation to a quarter: SUM, LAST (each is cumulative to date) or AVERAGE; default from cumulative, else SUM' })
  @IsOptional() @IsIn(AGGREGATIONS) aggregation?: (typeof AGGREGATIONS)[number];
  @ApiPropertyOptional({ description: 'API.md shorthand when aggregation is not given: true = realisations are cumulative to date (LAST), false = each quarter its own (SUM)' }) @IsOptional() @IsBoolean() cumulative?: boolean;
  @Q('annual target') @IsString() @Matches(QUANTITY) target: string;
  @ApiPropertyOptional({ type: [String], example: ['3', '6', '9', '12'], description: 'cumulative targets to the end of TW I-IV; default: SUM spreads the target evenly, LAST and AVERAGE hold it' })
  @IsOptional() @IsArray() @ArrayMinSize(4) @ArrayMaxSize(4) @IsString({ each: true }) @Matches(QUANTITY, { each: true }) quarterlyTargets?: string[];
  @QO('baseline (condition at the start of the Renstra)') @IsOptional() @IsString() @Matches(QUANTITY) baseline?: string;
  @QO('five-year (Renstra) end target', '60') @IsOptional() @IsString() @Matches(QUANTITY) renstraTarget?: string;
  @IsOptional() @IsMoney({}, undefined, { required: false, description: 'Renstra end target, Rp' }) renstraAmount?: string;
  @QO('realisation of the Renstra to last year', '24') @IsOptional() @IsString() @Matches(QUANTITY) previousRealization?: string;
  @IsOptional() @IsMoney({}, undefined, { required: false, description: 'budget realised on the row to last year, Rp' }) previousAmount?: string;
  @ApiPropertyOptional({ example: 'Bidang Pembinaan SMA' }) @IsOptional() @IsString() @MaxLength(300) responsibleUnit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

/**
 * PATCH /monev/indicators/{id}: the fields given change, the rest stay.
 * `target` without `quarterlyTargets` keeps TW I-III and (SUM, LAST) makes TW
 * IV the new annual target.
 */
export class UpdateIndicatorDto {
  @ApiProperty({ example: 1, description: 'optimistic check: the indicator\'s `version` the client last read (STALE_VERSION, 409, when it has changed since)' }) @IsInt() @Min(1) expectedVersion: number;
  @ApiPropertyOptional({ example: 'Jumlah sekolah penerima manfaat' }) @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(500) name?: string;
  @ApiPropertyOptional({ example: 'Ruang', description: 'a sub kegiatan keeps the nomenclature\'s unit (UNIT_MISMATCH otherwise)' }) @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(60) unit?: string;
  @ApiPropertyOptional({ enum: DIRECTIONS }) @IsOmittable() @IsIn(DIRECTIONS) direction?: (typeof DIRECTIONS)[number];
  @ApiPropertyOptional({ enum: AGGREGATIONS }) @IsOmittable() @IsIn(AGGREGATIONS) aggregation?: (typeof AGGREGATIONS)[number];
  @QO('baseline (condition at the start of the Renstra)') @IsOmittable() @IsString() @Matches(QUANTITY) baseline?: string;
  @QO('annual target') @IsOmittable() @IsString() @Matches(QUANTITY) target?: string;
  @ApiPropertyOptional({ type: [String], example: ['2', '4', '6', '8'], description: 'cumulative targets to the end of TW I-IV' })
  @IsOmittable() @IsArray() @ArrayMinSize(4) @ArrayMaxSize(4) @IsString({ each: true }) @Matches(QUANTITY, { each: true }) quarterlyTargets?: string[];
  @QO('five-year (Renstra) end target', '60') @IsOmittable() @IsString() @Matches(QUANTITY) renstraTarget?: string;
  @ApiPropertyOptional({ example: 'Perubahan Renja: target disesuaikan dengan APBD Perubahan', description: 'why: required when Bappeda\'s monitoring team changes what a verified quarter depends on (unit, direction, aggregation, the target to a verified quarter); kept in the audit trail' })
  @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
}

export class IndicatorQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) level?: IndicatorLevel;
  @ApiPropertyOptional({ example: '1.01.02', description: 'the row and the rows under it' }) @IsOptional() @IsString() @Matches(/^[0-9X]+(\.[0-9X]+)*$/) code?: string;
}

export class RealizationEventResponse {
  @ApiProperty({ example: 'REJECT' }) action: string;
  @ApiProperty({ example: 'REJECTED' }) status: string;
  @ApiProperty({ example: '3.0000' }) value: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ example: 'monev-verifier' }) actor: string;
  @ApiProperty({ example: '2026-04-08T03:00:00Z' }) at: string;
}

export class RealizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty({ example: '3.0000' }) value: string;
  @ApiProperty() evidence: string;
  @ApiProperty({ nullable: true, type: String }) obstacles: string | null;
  @ApiProperty({ enum: ['DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty({ example: 'planner-a' }) enteredBy: string;
  @ApiProperty({ nullable: true, type: String }) verifiedBy: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [RealizationEventResponse] }) history: RealizationEventResponse[];
}

export class IndicatorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: LEVELS }) level: IndicatorLevel;
  @ApiProperty({ example: '1.01.02.1.01.0072' }) code: string;
  @ApiProperty({ description: 'the nomenclature row\'s name' }) codeName: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Ruang' }) unit: string;
  @ApiProperty({ enum: ['PERCENT', 'QUANTITY'] }) unitKind: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: string;
  @ApiProperty({ nullable: true, type: String }) baseline: string | null;
  @ApiProperty({ example: '12.0000' }) target: string;
  @ApiProperty({ type: [String], example: ['3.0000', '6.0000', '9.0000', '12.0000'] }) quarterlyTargets: string[];
  @ApiProperty({ nullable: true, type: String }) renstraTarget: string | null;
  @ApiProperty({ nullable: true, type: String }) renstraAmount: string | null;
  @ApiProperty({ nullable: true, type: String }) previousRealization: string | null;
  @ApiProperty({ nullable: true, type: String }) previousAmount: string | null;
  @ApiProperty({ nullable: true, type: String }) responsibleUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ example: 1, description: 'raised by every change; give it as expectedVersion to PATCH' }) version: number;
  @ApiProperty({ type: [RealizationResponse] }) realizations: RealizationResponse[];
}
