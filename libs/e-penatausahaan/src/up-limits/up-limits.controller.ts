import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission, ApiProblems } from '@grms/core';
import { PutUpLimitDto, UpLimitResponse } from './dto/up-limit.dto';
import { UpLimitsService } from './up-limits.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/up-limits')
export class UpLimitsController {
  constructor(private readonly limits: UpLimitsService) {}

  @Get(':fiscalYear/:organizationId')
  @ApiOperation({ summary: 'The UP limit of an OPD', description: 'The ceiling on the OPD\'s revolving advance (uang persediaan) for the year, with the amount in use; the default applies when none is set.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: UpLimitResponse })
  get(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) year: number, @Param('organizationId', ParseUUIDPipe) org: string): Promise<UpLimitResponse> {
    return this.limits.get(user, year, org);
  }

  @Put(':fiscalYear/:organizationId')
  @ApiOperation({ summary: 'Set the UP limit of an OPD', description: 'Sets the OPD\'s UP ceiling for the year; it may not go below the UP already in use.' })
  @ApiProblems({ 422: 'UP_LIMIT_BELOW_USED' })
  @Authenticated({ permission: Permission.TAX_MANAGE })
  @ApiOkResponse({ type: UpLimitResponse, description: 'ADMIN sets the OPD\'s UP ceiling for the year' })
  put(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) year: number, @Param('organizationId', ParseUUIDPipe) org: string, @Body() dto: PutUpLimitDto): Promise<UpLimitResponse> {
    return this.limits.put(user, year, org, dto);
  }
}
