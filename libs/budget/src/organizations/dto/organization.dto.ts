import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '@grms/core';

export const ORGANIZATION_KINDS = ['PEMDA', 'OPD', 'UNIT'] as const;

export class OrganizationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'words of the name, or the start of the code' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS }) @IsOptional() @IsIn(ORGANIZATION_KINDS) kind?: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: '1.01.0.00.0.00.01.0000' }) @IsString() @Matches(/^[0-9]+(\.[0-9]+)*$/, { message: 'code must be digits separated by dots' }) @MaxLength(60) code: string;
  @ApiProperty({ example: 'Dinas Pendidikan dan Kebudayaan' }) @IsString() @MinLength(2) @MaxLength(300) name: string;
  @ApiPropertyOptional({ example: 'Disdikbud' }) @IsOptional() @IsString() @MaxLength(60) shortName?: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) @IsIn(ORGANIZATION_KINDS) kind: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
}

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) shortName: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
}
