import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { OcdsService } from './ocds.service';

export class OcdsQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}

@ApiTags('e-delivery')
@Controller('delivery/ocds')
export class OcdsController {
  constructor(private readonly ocds: OcdsService) {}

  @Get()
  @Authenticated({ permission: Permission.CONTRACT_READ })
  @ApiOperation({ summary: 'OCDS 1.1 release package of a year\'s procurement', description: 'Readers of contracts (OPD roles: their OPD). One release per package past approval: planning (package, budget lines), tender (method), awards and contracts, amendments, termins and handovers as milestones, SP2D payments as transactions. Valid against the OCDS 1.1.5 release-package schema. The package is written as it is read (releases in package code order, in pages of one read-only snapshot), so its size does not bound the server\'s memory.' })
  @ApiOkResponse({ description: 'an OCDS release package (application/json)' })
  get(@CurrentUser() user: AuthUser, @Query() q: OcdsQueryDto): Promise<StreamableFile> {
    return this.ocds.releasePackage(user, q);
  }
}
