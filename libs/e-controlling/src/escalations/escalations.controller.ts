import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { CreateEscalationDto, EscalationResponse } from './dto/escalation.dto';
import { EscalationsService } from './escalations.service';

@ApiTags('e-controlling')
@Controller('controlling/contracts/:id/escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Post()
  @Authenticated({ permission: Permission.ESCALATION_WRITE })
  @ApiOperation({ summary: 'Record a step of a critical contract\'s escalation', description: 'PROJECT_OFFICER (PPK) of the OPD, on a SIGNED contract: a show-cause meeting (I-III, with the progress % agreed and by when), a warning letter (I-III, with its number) or the outcome (RECOVERED, ADDENDUM, TERMINATED). Stages in order; the first meeting only for a contract CRITICAL on its date; nothing after the outcome; no date after today. Append-only.' })
  @ApiCreatedResponse({ type: EscalationResponse })
  @ApiProblems({ 409: ['INVALID_STATE_TRANSITION', 'ESCALATION_STAGE_EXISTS', 'ESCALATION_CLOSED'], 422: ['CONTRACT_NOT_CRITICAL', 'ESCALATION_OUT_OF_ORDER', 'DATE_IN_FUTURE'] })
  create(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateEscalationDto): Promise<EscalationResponse> {
    return this.escalations.create(user, id, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.CONTROLLING_READ })
  @ApiOperation({ summary: 'The escalation record of a contract', description: 'Readers of controlling reports in scope: meetings, letters and outcome in date order.' })
  @ApiOkResponse({ type: [EscalationResponse] })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EscalationResponse[]> {
    return this.escalations.list(user, id);
  }
}
