import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsMoney } from '@grms/core';
import { Type } from 'class-transformer';
import { FundingLineDto } from '@grms/e-project-planning';

export class ProgressDto {
  @ApiProperty({ example: '2026-06-30' }) @IsISO8601({ strict: true }) reportedOn: string;
  @ApiProperty({ example: '55.00', description: 'cumulative physical %, 0..100, never below the previous report' })
  @IsString() @Matches(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { message: 'cumulativePercent must be a percentage 0..100 with at most two decimals, as a string' }) cumulativePercent: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ type: [String], description: 'evidence references (photo, MC report numbers)' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) evidence?: string[];
}

export class ProgressResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty() reportedOn: string;
  @ApiProperty() cumulativePercent: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: [String] }) evidence: string[];
  @ApiProperty({ enum: ['SUBMITTED', 'VERIFIED', 'REJECTED'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) verifiedBy: string | null;
}

export class HandoverDto {
  @ApiProperty({ enum: ['PHO', 'FHO'] }) @IsIn(['PHO', 'FHO']) kind: 'PHO' | 'FHO';
  @ApiProperty({ example: '2026-11-02' }) @IsISO8601({ strict: true }) date: string;
  @ApiPropertyOptional({ example: 'BAST/027/2026' }) @IsOptional() @IsString() @MaxLength(100) number?: string;
}

export class AddendumDto {
  @IsOptional() @IsMoney({ allowZero: false }, undefined, { required: false, description: 'the new value (at most the original + 10%)' }) value?: string;
  @ApiPropertyOptional({ example: '2026-12-15', description: 'a time extension' }) @IsOptional() @IsISO8601({ strict: true }) endDate?: string;
  @ApiPropertyOptional({ default: false, description: 'terminates the contract; closing then releases what is left' }) @IsOptional() terminate?: boolean;
  @ApiPropertyOptional({ type: [FundingLineDto], description: 'with a value change: the new amount of each of the contract\'s funding lines, summing to the new value, and any budget line it adds (of the package\'s OPD, year and sub kegiatan; docs/decisions/0413); default: the change split pro rata to the current amounts (docs/decisions/0411)' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FundingLineDto) fundingLines?: FundingLineDto[];
  @ApiProperty({ example: 'pekerjaan tambah: talud' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
