import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

export class BandBoundsDto {
  @ApiProperty({ example: '91', description: 'lowest achievement (%) banded SANGAT_TINGGI' }) @IsString() @Matches(PERCENT) veryHigh: string;
  @ApiProperty({ example: '76', description: 'lowest achievement (%) banded TINGGI' }) @IsString() @Matches(PERCENT) high: string;
  @ApiProperty({ example: '66', description: 'lowest achievement (%) banded SEDANG' }) @IsString() @Matches(PERCENT) medium: string;
  @ApiProperty({ example: '51', description: 'lowest achievement (%) banded RENDAH; below it SANGAT_RENDAH' }) @IsString() @Matches(PERCENT) low: string;
}

export class PutMonevSettingsDto {
  @ApiPropertyOptional({ example: 10, description: 'days after a quarter ends on which its entry window closes (default 10)' })
  @IsOptional() @IsInt() @Min(0) @Max(90) entryDays?: number;

  @ApiPropertyOptional({ type: [String], nullable: true, example: ['2026-04-10', '2026-07-10', '2026-10-10', '2027-01-10'], description: 'the four deadlines (TW I-IV) named explicitly; null: quarter end + entryDays' })
  @IsOptional() @IsArray() @ArrayMinSize(4) @ArrayMaxSize(4) @IsISO8601({ strict: true }, { each: true }) deadlines?: string[] | null;

  @ApiPropertyOptional({ type: BandBoundsDto }) @IsOptional() @ValidateNested() @Type(() => BandBoundsDto) bands?: BandBoundsDto;

  @ApiPropertyOptional({ enum: ['MIRROR', 'RATIO'], description: 'lower-is-better achievement: MIRROR (2T - R) / T x 100, RATIO T / R x 100' })
  @IsOptional() @IsIn(['MIRROR', 'RATIO']) lowerIsBetter?: 'MIRROR' | 'RATIO';

  @ApiProperty({ example: 'Permendagri 86/2017; Pergub Jawa Tengah tentang pengendalian dan evaluasi' }) @IsString() @IsNotEmpty() @MaxLength(300) regulation: string;
}

export class BandBoundsResponse {
  @ApiProperty({ example: '91.00' }) veryHigh: string;
  @ApiProperty({ example: '76.00' }) high: string;
  @ApiProperty({ example: '66.00' }) medium: string;
  @ApiProperty({ example: '51.00' }) low: string;
}

export class MonevSettingsResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ example: 10 }) entryDays: number;
  @ApiProperty({ type: [String], example: ['2026-04-10', '2026-07-10', '2026-10-10', '2027-01-10'], description: 'the deadline of each quarter TW I-IV, in force' }) deadlines: string[];
  @ApiProperty({ description: 'true when the deadlines were named explicitly rather than counted from entryDays' }) explicitDeadlines: boolean;
  @ApiProperty({ type: BandBoundsResponse }) bands: BandBoundsResponse;
  @ApiProperty({ enum: ['MIRROR', 'RATIO'] }) lowerIsBetter: 'MIRROR' | 'RATIO';
  @ApiProperty() regulation: string;
  @ApiProperty({ description: 'true when the year has no settings of its own and the defaults apply (decision 0600)' }) isDefault: boolean;
}
