import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageMeta, PageQueryDto } from '@grms/core';
import { BANDS } from '../rules/achievement';

export class EvaluationQueryDto extends PageQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ minimum: 1, maximum: 4, example: 2, description: 'the quarter evaluated (TW I-IV): realisation and budget to its end' }) @Type(() => Number) @IsInt() @Min(1) @Max(4) quarter: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ example: '1.01.02', description: 'the program and the rows under it' }) @IsOptional() @IsString() @Matches(/^[0-9X]+(\.[0-9X]+)*$/) programCode?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class EvaluationQuarter {
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty({ example: '6.0000', description: 'cumulative target to the end of the quarter' }) target: string;
  @ApiProperty({ nullable: true, type: String, example: '3.0000', description: 'the verified realisation (null: none verified, or after the evaluated quarter)' }) value: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED', null] }) status: string | null;
  @ApiProperty({ nullable: true, type: String, example: '125000000.00', description: 'disbursed in the quarter by value date (null after the evaluated quarter)' }) amount: string | null;
}

export class EvaluationRow {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ example: '1.01.0.00.0.00.01.0000' }) organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ['PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN'] }) level: string;
  @ApiProperty({ example: '1.01.02.1.01.0072' }) code: string;
  @ApiProperty() codeName: string;
  @ApiProperty() indicator: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] }) direction: string;
  @ApiProperty({ enum: ['SUM', 'LAST', 'AVERAGE'] }) aggregation: string;
  @ApiProperty({ nullable: true, type: String }) renstraTarget: string | null;
  @ApiProperty({ nullable: true, type: String }) renstraAmount: string | null;
  @ApiProperty({ nullable: true, type: String }) previousRealization: string | null;
  @ApiProperty({ nullable: true, type: String }) previousAmount: string | null;
  @ApiProperty({ example: '12.0000' }) target: string;
  @ApiProperty({ example: '500000000.00', description: 'this year\'s appropriation of the row (expenditure lines of the OPD on the code and the codes under it), as posted' }) targetAmount: string;
  @ApiProperty({ type: [EvaluationQuarter] }) quarters: EvaluationQuarter[];
  @ApiProperty({ example: '6.0000' }) cumulativeTarget: string;
  @ApiProperty({ nullable: true, type: String, example: '5.0000' }) realization: string | null;
  @ApiProperty({ example: '250000000.00', description: 'disbursed to the end of the quarter by value date' }) disbursed: string;
  @ApiProperty({ nullable: true, type: String, example: '83.33' }) achievement: string | null;
  @ApiProperty({ nullable: true, type: String, enum: [...BANDS, null] }) band: string | null;
  @ApiProperty({ example: '50.00', description: 'disbursed / appropriation x 100' }) budgetAbsorption: string;
  @ApiProperty({ nullable: true, type: String }) renstraRealization: string | null;
  @ApiProperty({ example: '250000000.00' }) renstraAmountRealized: string;
  @ApiProperty({ nullable: true, type: String }) renstraAchievement: string | null;
  @ApiProperty({ nullable: true, type: String }) responsibleUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
}

export class EvaluationOrganizationFooter {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() indicators: number;
  @ApiProperty({ nullable: true, type: String, example: '83.33' }) averageAchievement: string | null;
  @ApiProperty({ nullable: true, type: String, enum: [...BANDS, null] }) band: string | null;
  @ApiProperty({ example: '2687500000.00', description: 'the OPD\'s appropriation on all its expenditure lines, as posted' }) appropriated: string;
  @ApiProperty({ example: '125000000.00', description: 'the OPD\'s disbursement on all its expenditure lines by value date to the end of the quarter' }) disbursed: string;
  @ApiProperty({ example: '4.65', description: 'disbursed / appropriated x 100' }) budgetAbsorption: string;
  @ApiProperty() drivingFactors: string;
  @ApiProperty() inhibitingFactors: string;
  @ApiProperty() followUp: string;
  @ApiProperty() followUpNextYear: string;
}

export class EvaluationFooter {
  @ApiProperty({ nullable: true, type: String, example: '83.33', description: 'mean of the rows\' achievements (rows without one are left out)' }) averageAchievement: string | null;
  @ApiProperty({ nullable: true, type: String, enum: [...BANDS, null] }) band: string | null;
  @ApiProperty({ type: [EvaluationOrganizationFooter] }) organizations: EvaluationOrganizationFooter[];
}

export class EvaluationReport {
  @ApiProperty() fiscalYear: number;
  @ApiProperty() quarter: number;
  @ApiProperty({ example: '2026-06-30', description: 'the end of the quarter: the value date the realisation columns run to' }) asOf: string;
  @ApiProperty({ type: [EvaluationRow] }) data: EvaluationRow[];
  @ApiProperty({ type: PageMeta }) meta: PageMeta;
  @ApiProperty({ type: EvaluationFooter, description: 'over every row of the filters, not only this page' }) footer: EvaluationFooter;
}

export class PutEvaluationNotesDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ minimum: 1, maximum: 4, example: 1 }) @IsInt() @Min(1) @Max(4) quarter: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'default the user\'s own OPD' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiProperty({ example: 'dukungan komite sekolah' }) @IsString() @MaxLength(4000) drivingFactors: string;
  @ApiProperty({ example: 'cuaca dan keterlambatan lelang' }) @IsString() @MaxLength(4000) inhibitingFactors: string;
  @ApiProperty({ example: 'percepatan pekerjaan fisik pada TW berikutnya' }) @IsString() @MaxLength(4000) followUp: string;
  @ApiPropertyOptional({ example: 'lelang dini untuk Renja tahun depan' }) @IsOptional() @IsString() @MaxLength(4000) followUpNextYear?: string;
}

export class EvaluationNotesResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty() quarter: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() drivingFactors: string;
  @ApiProperty() inhibitingFactors: string;
  @ApiProperty() followUp: string;
  @ApiProperty() followUpNextYear: string;
}
