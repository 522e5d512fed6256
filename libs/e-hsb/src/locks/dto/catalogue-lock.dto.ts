import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { HSB_CATEGORIES, HsbCategory } from '../../items/hsb-item.types';

export class CatalogueLockDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ enum: HSB_CATEGORIES, description: 'only this category; all when left out' }) @IsOptional() @IsIn(HSB_CATEGORIES) category?: HsbCategory;
  @ApiProperty({ description: 'true locks the items for the budgeting round, false unlocks them' }) @IsBoolean() locked: boolean;
}

export class CatalogueLockResponse {
  @ApiProperty() fiscalYear: number;
  @ApiPropertyOptional({ enum: HSB_CATEGORIES, nullable: true }) category: HsbCategory | null;
  @ApiProperty() locked: boolean;
  @ApiProperty({ description: 'items whose lock changed' }) changed: number;
  @ApiProperty({ description: 'items of the year (and category) now in that state' }) total: number;
}
