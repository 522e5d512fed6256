import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Idempotent, Page, Permission, ApiProblems } from '@grms/core';
import { CreateSpmDto, SpmQueryDto, SpmResponse } from './dto/spm.dto';
import { SpmService } from './spm.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spm')
export class SpmController {
  constructor(private readonly spm: SpmService) {}

  @Post()
  @ApiOperation({ summary: 'Issue an SPM', description: 'The finance officer issues the payment order (SPM) of a submitted SPP, which verifies it. One SPM per SPP.' })
  @ApiProblems({ 409: 'SPM_EXISTS', 422: 'SPP_NOT_SUBMITTED' })
  @Authenticated({ permission: Permission.SPM_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SpmResponse, description: 'issued from a submitted SPP, which it verifies' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSpmDto): Promise<SpmResponse> {
    return this.spm.create(user, dto);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve an SPM', description: 'A finance officer other than the maker (four-eyes) approves the SPM; for LS the COMMITMENT is posted per line.' })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION', 403: 'SAME_MAKER_AND_APPROVER', 422: 'INSUFFICIENT_ALLOTMENT' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPM_WRITE })
  @ApiOkResponse({ type: SpmResponse, description: 'by a finance officer other than the maker; posts COMMITMENT for LS' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpmResponse> {
    return this.spm.approve(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'List SPMs', description: 'SPMs filtered by fiscal year, organization and status, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiPage(SpmResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SpmQueryDto): Promise<Page<SpmResponse>> {
    return this.spm.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An SPM', description: 'One SPM with its lines.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: SpmResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpmResponse> {
    return this.spm.get(user, id);
  }
}
