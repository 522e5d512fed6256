import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ControllingExportQueryDto } from '../../common/controlling-query.dto';

export const GROUP_BY = ['province', 'organization', 'program', 'kegiatan', 'subActivity', 'account', 'package'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export class RealizationQueryDto extends ControllingExportQueryDto {
  @ApiPropertyOptional({ enum: GROUP_BY, default: 'organization' }) @IsOptional() @IsIn(GROUP_BY) groupBy?: GroupBy;
}

export class RealizationRow {
  @ApiProperty({ enum: GROUP_BY }) level: GroupBy;
  @ApiProperty({ example: '1.01.0.00.0.00.01.0000' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'the OPD, for package rows' }) organizationName: string | null;
  @ApiProperty({ example: '2500000000.00', description: 'appropriation as of the date (package rows: the package value)' }) appropriated: string;
  @ApiProperty({ nullable: true, type: String, example: '2500000000.00', description: 'allotment (SPD) as of the date; null for package rows' }) allotted: string | null;
  @ApiProperty({ nullable: true, type: String, example: '0.00', description: 'commitment as of the date; null for package rows' }) committed: string | null;
  @ApiProperty({ example: '1000000000.00', description: 'disbursed with a value date up to the date' }) disbursed: string;
  @ApiProperty({ example: '1200000000.00', description: 'cumulative cash plan (else package plan) to the month' }) planned: string;
  @ApiProperty({ example: '1500000000.00', description: 'appropriated - disbursed' }) remaining: string;
  @ApiProperty({ example: '40.00', description: 'realised absorption: disbursed / appropriated x 100' }) absorptionPercent: string;
  @ApiProperty({ example: '48.00', description: 'planned absorption: planned / appropriated x 100' }) plannedPercent: string;
  @ApiProperty({ example: '-8.00', description: 'absorptionPercent - plannedPercent, in points' }) deviation: string;
  @ApiProperty({ example: '45.00', description: 'weighted planned physical %' }) physicalPlannedPercent: string;
  @ApiProperty({ example: '41.00', description: 'weighted physical %: packages by value x progress, routine spending by its realisation' }) physicalPercent: string;
}
