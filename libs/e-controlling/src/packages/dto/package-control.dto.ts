import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ControllingExportQueryDto } from '../../common/controlling-query.dto';
import { CONTROL_STATUSES, ControlStatus } from '../../status/contract-status';

export class PackageControlQueryDto extends ControllingExportQueryDto {
  @ApiPropertyOptional({ enum: CONTROL_STATUSES, description: 'only packages in this status' }) @IsOptional() @IsIn(CONTROL_STATUSES) status?: ControlStatus;
}

export class EscalationSummary {
  @ApiProperty({ example: 'SHOW_CAUSE_MEETING' }) kind: string;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) stage: number | null;
  @ApiProperty({ example: '2026-09-10' }) heldOn: string;
  @ApiProperty({ nullable: true, type: String, example: '35.00' }) targetPercent: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-09-30' }) targetDate: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty() note: string;
}

export class PackageControlRow {
  @ApiProperty({ format: 'uuid' }) packageId: string;
  @ApiProperty({ example: 'PKT-2026-000001' }) packageCode: string;
  @ApiProperty() packageName: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() subActivityCode: string;
  @ApiProperty({ example: '1.01.02', description: 'the program (nomenclature level 3) of the sub kegiatan' }) programCode: string;
  @ApiProperty({ example: 'CONSTRUCTION' }) type: string;
  @ApiProperty({ example: '1200000000.00' }) value: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) contractId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'KTR/001/DISDIKBUD/2026' }) contractNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) vendorName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'PPK of the contract, else the package\'s planner' }) officerName: string | null;
  @ApiProperty({ nullable: true, type: String }) contractEnd: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'region code: detail; ...' }) location: string | null;
  @ApiProperty({ example: '2026-09-30' }) asOf: string;
  @ApiProperty({ example: '40.00', description: 'planned physical %: the S-curve interpolated by day' }) plannedPhysical: string;
  @ApiProperty({ example: '28.00', description: 'latest verified progress on or before asOf' }) actualPhysical: string;
  @ApiProperty({ example: '-12.00', description: 'actual - planned, in points' }) physicalDeviation: string;
  @ApiProperty({ nullable: true, type: String }) lastReportOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'at the rate of the projection window (28 days by default); NEVER when nothing moved; null when finished' }) projectedCompletion: string | null;
  @ApiProperty({ example: '0.00', description: 'package financial plan to asOf\'s month' }) plannedFinancial: string;
  @ApiProperty({ example: '0.00', description: 'disbursed on the contract up to asOf (SP2D by value date)' }) realisedFinancial: string;
  @ApiProperty({ example: '0.00' }) plannedFinancialPercent: string;
  @ApiProperty({ example: '0.00' }) realisedFinancialPercent: string;
  @ApiProperty({ example: '0.00', description: 'realised % - planned %, in points' }) financialDeviation: string;
  @ApiProperty({ enum: CONTROL_STATUSES }) status: ControlStatus;
  @ApiProperty({ nullable: true, type: String, description: 'why the package is LATE or CRITICAL' }) reason: string | null;
  @ApiProperty({ type: [EscalationSummary], description: 'show-cause meetings, warning letters and outcome of the contract' }) escalations: EscalationSummary[];
}
