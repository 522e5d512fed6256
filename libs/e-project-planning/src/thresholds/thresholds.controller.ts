import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission, ProblemResponse } from '@grms/core';
import { PutThresholdDto, ThresholdQueryDto, ThresholdResponse } from './dto/threshold.dto';
import { ThresholdsService } from './thresholds.service';

@ApiTags('e-project-planning')
@Controller('project-planning/thresholds')
export class ThresholdsController {
  constructor(private readonly thresholds: ThresholdsService) {}

  @Get()
  @Authenticated({ permission: Permission.PACKAGE_READ })
  @ApiOperation({ summary: 'Direct-procurement thresholds of a fiscal year', description: 'Readers of packages. One row per package type: the year\'s own figure, or the default (decision 0400) with isDefault.' })
  @ApiOkResponse({ type: [ThresholdResponse] })
  list(@Query() q: ThresholdQueryDto): Promise<ThresholdResponse[]> {
    return this.thresholds.list(q.fiscalYear);
  }

  @Put(':fiscalYear/:packageType')
  @Authenticated({ permission: Permission.THRESHOLD_MANAGE })
  @ApiOperation({ summary: 'Set a year\'s direct-procurement threshold for a package type', description: 'ADMIN, citing the regulation. Packages created or revised later are checked against it.' })
  @ApiOkResponse({ type: ThresholdResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'FISCAL_YEAR_NOT_OPEN (an unknown year is 404 FISCAL_YEAR_NOT_FOUND)' })
  put(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Param('packageType') type: string, @Body() dto: PutThresholdDto): Promise<ThresholdResponse> {
    return this.thresholds.put(user, fiscalYear, type, dto);
  }
}
