import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const PCT = /^\d{1,3}(\.\d{1,2})?$/;
const pct = (description: string, example: string) => [
  ApiProperty({ example, description, pattern: PCT.source }),
  IsString(), Matches(PCT, { message: '$property must be a percentage with at most two decimals, e.g. "10.00"' }),
];
function Pct(description: string, example: string): PropertyDecorator {
  return (target, key) => pct(description, example).forEach((d) => d(target, key));
}

export class ControllingThresholdsQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
}

export class PutControllingThresholdsDto {
  @Pct('planned % up to which the first period applies (kontrak kritis)', '70.00') periodOneUpTo: string;
  @Pct('points behind tolerated in the first period', '10.00') periodOneBehind: string;
  @Pct('points behind tolerated in the second period', '5.00') periodTwoBehind: string;
  @ApiProperty({ example: 28, description: 'days of progress the completion projection uses' }) @IsInt() @Min(1) @Max(366) projectionDays: number;
  @ApiProperty({ example: 30, description: 'days after the planned procurement start before an uncontracted package is flagged' }) @IsInt() @Min(0) @Max(366) notTenderedDays: number;
  @ApiProperty({ example: 14, description: 'days without a progress report before a contract is flagged' }) @IsInt() @Min(1) @Max(366) progressSilenceDays: number;
  @Pct('points of realisation behind the cash plan before a line is flagged', '10.00') behindCashPlanPoints: string;
  @Pct('% of the allotment (SPD) unspent before a line is flagged', '50.00') unspentAllotmentPercent: string;
  @ApiProperty({ example: 60, description: 'days before year end from which the remaining budget is weighed against the days left' }) @IsInt() @Min(1) @Max(366) yearEndDays: number;
  @ApiProperty({ example: 'Permen PU 07/PRT/M/2011, Buku PK 06A, Bab VII B6 angka 39.2' }) @IsString() @IsNotEmpty() @MaxLength(300) regulation: string;
}

export class ControllingThresholdsResponse extends PutControllingThresholdsDto {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ description: 'true when the year has no row of its own and the defaults (decision 0500) apply' }) isDefault: boolean;
}
