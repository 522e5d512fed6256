import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Idempotent, Page, Permission, ProblemResponse, ApiProblems } from '@grms/core';
import { CreateSpdDto, SpdQueryDto, SpdResponse } from './dto/spd.dto';
import { SpdService } from './spd.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spd')
export class SpdController {
  constructor(private readonly spd: SpdService) {}

  @Post()
  @ApiOperation({ summary: 'Create an SPD', description: 'The cash authority drafts a provision of funds (SPD) for budget lines of one OPD: allotments within each line\'s cash plan to date.' })
  @ApiProblems({ 422: 'LINE_OF_ANOTHER_YEAR' })
  @Authenticated({ permission: Permission.SPD_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SpdResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'EXCEEDS_CASH_PLAN, FISCAL_YEAR_NOT_OPEN' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSpdDto): Promise<SpdResponse> {
    return this.spd.create(user, dto);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve an SPD', description: 'A cash authority other than the maker (four-eyes) approves the SPD; ALLOTMENT is posted per line, bounded by the appropriation.' })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION', 403: 'SAME_MAKER_AND_APPROVER', 422: ['INSUFFICIENT_APPROPRIATION', 'EXCEEDS_CASH_PLAN'] })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPD_WRITE })
  @ApiOkResponse({ type: SpdResponse, description: 'approved by a cash authority other than the maker; posts ALLOTMENT' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpdResponse> {
    return this.spd.approve(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'List SPDs', description: 'SPDs filtered by fiscal year, organization and status, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.SPD_READ })
  @ApiPage(SpdResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SpdQueryDto): Promise<Page<SpdResponse>> {
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
