import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiCursorPage, Authenticated, AuthUser, CurrentUser, CursorPage, Idempotent, Permission, ProblemResponse, ApiProblems, BodyLimit } from '@grms/core';
import { ReasonDto } from '../common/reason.dto';
import { CreateSpdDto, ReviseSpdDto, SpdQueryDto, SpdResponse } from './dto/spd.dto';
import { SpdRevisionService } from './spd-revision.service';
import { SpdService } from './spd.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spd')
export class SpdController {
  constructor(private readonly spd: SpdService, private readonly revisions: SpdRevisionService) {}

  @Post()
  @ApiOperation({ summary: 'Create an SPD', description: 'The cash authority drafts a provision of funds (SPD) for budget lines of one OPD: allotments within each line\'s cash plan to date.' })
  @ApiProblems({ 422: 'LINE_OF_ANOTHER_YEAR' })
  @Authenticated({ permission: Permission.SPD_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SpdResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'EXCEEDS_CASH_PLAN, FISCAL_YEAR_NOT_OPEN' })
  @BodyLimit('128kb', 'up to 500 lines of a budget line id and an amount: about 45 kB')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSpdDto): Promise<SpdResponse> {
    return this.spd.create(user, dto);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve (sign) an SPD', description: 'A cash authority other than the maker (four-eyes), or the PPKD (REGIONAL_FINANCE_HEAD, head of BPKAD, decision 0119), signs the SPD; ALLOTMENT is posted per line, bounded by the appropriation and the cash plan to the SPD\'s month.' })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION', 403: 'SAME_MAKER_AND_APPROVER', 422: ['INSUFFICIENT_APPROPRIATION', 'EXCEEDS_CASH_PLAN'] })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPD_APPROVE })
  @ApiOkResponse({ type: SpdResponse, description: 'approved by a cash authority other than the maker; posts ALLOTMENT' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpdResponse> {
    return this.spd.approve(user, id);
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPD_WRITE })
  @ApiOperation({
    summary: 'Revise an approved SPD downwards (allotment comes back)',
    description: 'For the regional treasurer (CASH_AUTHORITY). Each line names its new, lower amount on this SPD (zero gives the whole line back); '
      + 'the difference posts a negative ALLOTMENT. A line is never cut below what is disbursed plus in process (submitted or verified SPPs not yet paid): '
      + 'the refusal gives the arithmetic. This is the way through for a budget revision that cuts a line below its unspent allotment. The reason is audited.',
  })
  @ApiOkResponse({ type: SpdResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown SPD' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION: the SPD is not APPROVED; PERIOD_CLOSED' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'SPD_REVISION_BELOW_USED, SPD_REVISION_NOT_A_CUT, NOT_ON_SPD, FISCAL_YEAR_NOT_OPEN' })
  @BodyLimit('128kb', 'up to 500 lines of a budget line id and an amount, and a reason: about 50 kB')
  revise(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReviseSpdDto): Promise<SpdResponse> {
    return this.revisions.revise(user, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPD_WRITE })
  @ApiOperation({ summary: 'Withdraw a draft SPD', description: 'For the regional treasurer (CASH_AUTHORITY). Only a DRAFT; it keeps its number, no longer counts against the cash plan, and the reason is audited.' })
  @ApiOkResponse({ type: SpdResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown SPD' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION: the SPD is not a DRAFT' })
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<SpdResponse> {
    return this.revisions.withdraw(user, id, dto.reason);
  }

  @Get()
  @ApiOperation({ summary: 'List SPDs', description: 'SPDs filtered by fiscal year, organization and status, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.SPD_READ })
  @ApiCursorPage(SpdResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SpdQueryDto): Promise<CursorPage<SpdResponse>> {
    return this.spd.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An SPD', description: 'One SPD with its lines.' })
  @Authenticated({ permission: Permission.SPD_READ })
  @ApiOkResponse({ type: SpdResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpdResponse> {
    return this.spd.get(user, id);
  }
}
