import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { RealizationResponse } from '../indicators/indicator.dto';
import { RejectRealizationDto, UpdateRealizationDto } from './realization.dto';
import { RealizationsService } from './realizations.service';

@ApiTags('e-monev')
@Controller('monev/realizations')
export class RealizationsController {
  constructor(private readonly realizations: RealizationsService) {}

  @Patch(':id')
  @Authenticated({ permission: Permission.MONEV_WRITE })
  @ApiOperation({ summary: 'Correct a DRAFT or REJECTED realisation', description: 'PLANNER of the OPD. A DRAFT only inside its quarter\'s entry window; a REJECTED one also after it closed (it is then resubmitted). Same value rules as entry.' })
  @ApiOkResponse({ type: RealizationResponse })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION', 422: ['QUARTER_CLOSED', 'UNIT_MISMATCH', 'PERCENT_ABOVE_100'] })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRealizationDto): Promise<RealizationResponse> {
    return this.realizations.update(user, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MONEV_WRITE })
  @ApiOperation({ summary: 'Submit a realisation for verification', description: 'PLANNER of the OPD. DRAFT -> SUBMITTED inside the entry window; REJECTED -> SUBMITTED (after correction) at any time.' })
  @ApiOkResponse({ type: RealizationResponse })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION', 422: 'QUARTER_CLOSED' })
  submit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<RealizationResponse> {
    return this.realizations.submit(user, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MONEV_VERIFY })
  @ApiOperation({ summary: 'Verify a submitted realisation', description: 'MONEV_VERIFIER (Bappeda\'s monitoring team) or BUDGET_VERIFIER (the budget team, decision 0118), province-wide, not the submitter. Only VERIFIED realisations count in the evaluation report.' })
  @ApiOkResponse({ type: RealizationResponse })
  @ApiProblems({ 403: 'SAME_MAKER_AND_APPROVER', 409: 'INVALID_STATE_TRANSITION' })
  verify(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<RealizationResponse> {
    return this.realizations.verify(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MONEV_VERIFY })
  @ApiOperation({ summary: 'Reject a submitted realisation with a reason', description: 'MONEV_VERIFIER or BUDGET_VERIFIER (decision 0118), not the submitter. The OPD corrects it (PATCH) and submits it again.' })
  @ApiOkResponse({ type: RealizationResponse })
  @ApiProblems({ 403: 'SAME_MAKER_AND_APPROVER', 409: 'INVALID_STATE_TRANSITION' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectRealizationDto): Promise<RealizationResponse> {
    return this.realizations.reject(user, id, dto.reason);
  }
}
