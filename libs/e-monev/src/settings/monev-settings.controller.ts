import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { MonevSettingsResponse, PutMonevSettingsDto } from './monev-settings.dto';
import { MonevSettingsService } from './monev-settings.service';

@ApiTags('e-monev')
@Controller('monev/settings')
export class MonevSettingsController {
  constructor(private readonly settings: MonevSettingsService) {}

  @Get(':fiscalYear')
  @Authenticated({ permission: Permission.MONEV_READ })
  @ApiOperation({ summary: 'A fiscal year\'s entry deadlines, achievement bands and lower-is-better formula', description: 'Readers of e-monev. The year\'s own settings, or the defaults (decisions 0600, 0601) with isDefault.' })
  @ApiOkResponse({ type: MonevSettingsResponse })
  get(@Param('fiscalYear', ParseIntPipe) fiscalYear: number): Promise<MonevSettingsResponse> {
    return this.settings.get(fiscalYear);
  }

  @Put(':fiscalYear')
  @Authenticated({ permission: Permission.MONEV_SETTINGS_MANAGE })
  @ApiOperation({ summary: 'Set a fiscal year\'s e-monev settings', description: 'ADMIN, citing the regulation. Omitted fields keep their value; deadlines fall on or after their quarter\'s end; band bounds rise (0 < low < medium < high < veryHigh <= 100). Year in PLANNING or EXECUTION.' })
  @ApiOkResponse({ type: MonevSettingsResponse })
  @ApiProblems({ 422: ['INVALID_BANDS', 'INVALID_DEADLINE', 'FISCAL_YEAR_NOT_OPEN'] })
  put(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Body() dto: PutMonevSettingsDto): Promise<MonevSettingsResponse> {
    return this.settings.put(user, fiscalYear, dto);
  }
}
