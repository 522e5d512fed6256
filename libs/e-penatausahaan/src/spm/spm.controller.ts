import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Idempotent, Page, Permission } from '@grms/core';
import { CreateSpmDto, SpmQueryDto, SpmResponse } from './dto/spm.dto';
import { SpmService } from './spm.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spm')
export class SpmController {
  constructor(private readonly spm: SpmService) {}

  @Post()
  @Authenticated({ permission: Permission.SPM_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SpmResponse, description: 'issued from a submitted SPP, which it verifies' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSpmDto): Promise<SpmResponse> {
    return this.spm.create(user, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPM_APPROVE })
  @ApiOkResponse({ type: SpmResponse, description: 'issued by the PA/KPA (BUDGET_USER) of the OPD, never its maker; posts COMMITMENT for LS' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpmResponse> {
    return this.spm.approve(user, id);
  }

  @Get()
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiPage(SpmResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SpmQueryDto): Promise<Page<SpmResponse>> {
    return this.spm.list(user, q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: SpmResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpmResponse> {
    return this.spm.get(user, id);
  }
}
