import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, Permission, ProblemResponse } from '@grms/core';
import { CeilingsService } from './ceilings.service';
import { CeilingQueryDto, CeilingResponse, SetCeilingDto } from './dto/ceiling.dto';

@ApiTags('e-budgeting')
@Controller('budgeting/ceilings')
export class CeilingsController {
  constructor(private readonly ceilings: CeilingsService) {}

  @Post()
  @ApiOperation({ summary: 'Set a budget ceiling', description: 'Creates or replaces the ceiling (pagu indikatif) of an OPD, or of one of its programs, for a fiscal year. Budget documents are checked against it on submission and approval.' })
  @Authenticated({ permission: Permission.CEILING_MANAGE })
  @ApiCreatedResponse({ type: CeilingResponse, description: 'the ceiling of the OPD (and program), created or replaced' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'CEILING_BELOW_USED (naming the amount used; the budget team may force it with a reason), UNKNOWN_ORGANIZATION, INVALID_PROGRAM, FISCAL_YEAR_NOT_OPEN' })
  set(@Body() dto: SetCeilingDto): Promise<CeilingResponse> {
    return this.ceilings.set(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List ceilings with their use', description: 'Ceilings of a fiscal year with the amount used by approved and pending documents, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.CEILING_READ })
  @ApiPage(CeilingResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: CeilingQueryDto): Promise<Page<CeilingResponse>> {
    return this.ceilings.list(user, q);
  }
}
