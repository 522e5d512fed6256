import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { ControllingThresholdsService } from './controlling-thresholds.service';
import { ControllingThresholdsQueryDto, ControllingThresholdsResponse, PutControllingThresholdsDto } from './dto/controlling-threshold.dto';

@ApiTags('e-controlling')
@Controller('controlling/thresholds')
export class ControllingThresholdsController {
  constructor(private readonly thresholds: ControllingThresholdsService) {}

  @Get()
  @Authenticated({ permission: Permission.CONTROLLING_READ })
  @ApiOperation({ summary: 'The controlling thresholds of a fiscal year', description: 'Readers of controlling reports. The year\'s own figures, or the defaults of decision 0500 (kontrak kritis: Permen PU 07/PRT/M/2011) with isDefault.' })
  @ApiOkResponse({ type: ControllingThresholdsResponse })
  get(@Query() q: ControllingThresholdsQueryDto): Promise<ControllingThresholdsResponse> {
    return this.thresholds.get(q.fiscalYear);
  }

  @Put(':fiscalYear')
  @Authenticated({ permission: Permission.THRESHOLD_MANAGE })
  @ApiOperation({ summary: 'Set a fiscal year\'s controlling thresholds', description: 'ADMIN, citing the regulation. The kontrak kritis periods and tolerances and the early-warning figures of the year; reports use them from then on (frozen RFKs keep what they were).' })
  @ApiOkResponse({ type: ControllingThresholdsResponse })
  @ApiProblems({ 422: 'FISCAL_YEAR_NOT_OPEN' })
  put(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Body() dto: PutControllingThresholdsDto): Promise<ControllingThresholdsResponse> {
    return this.thresholds.put(user, fiscalYear, dto);
  }
}
