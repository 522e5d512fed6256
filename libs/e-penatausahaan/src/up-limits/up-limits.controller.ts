import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { PutUpLimitDto, UpLimitResponse } from './dto/up-limit.dto';
import { UpLimitsService } from './up-limits.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/up-limits')
export class UpLimitsController {
  constructor(private readonly limits: UpLimitsService) {}

  @Get(':fiscalYear/:organizationId')
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: UpLimitResponse })
  get(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) year: number, @Param('organizationId', ParseUUIDPipe) org: string): Promise<UpLimitResponse> {
    return this.limits.get(user, year, org);
  }

  @Put(':fiscalYear/:organizationId')
  @Authenticated({ permission: Permission.TAX_MANAGE })
  @ApiOkResponse({ type: UpLimitResponse, description: 'ADMIN sets the OPD\'s UP ceiling for the year' })
  put(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) year: number, @Param('organizationId', ParseUUIDPipe) org: string, @Body() dto: PutUpLimitDto): Promise<UpLimitResponse> {
    return this.limits.put(user, year, org, dto);
  }
}
