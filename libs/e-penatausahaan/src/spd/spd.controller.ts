import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Idempotent, Page, Permission, ProblemResponse } from '@grms/core';
import { CreateSpdDto, SpdQueryDto, SpdResponse } from './dto/spd.dto';
import { SpdService } from './spd.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spd')
export class SpdController {
  constructor(private readonly spd: SpdService) {}

  @Post()
  @Authenticated({ permission: Permission.SPD_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SpdResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'EXCEEDS_CASH_PLAN, FISCAL_YEAR_NOT_OPEN' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSpdDto): Promise<SpdResponse> {
    return this.spd.create(user, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPD_WRITE })
  @ApiOkResponse({ type: SpdResponse, description: 'approved by a cash authority other than the maker; posts ALLOTMENT' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpdResponse> {
    return this.spd.approve(user, id);
  }

  @Get()
  @Authenticated({ permission: Permission.SPD_READ })
  @ApiPage(SpdResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SpdQueryDto): Promise<Page<SpdResponse>> {
    return this.spd.list(user, q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.SPD_READ })
  @ApiOkResponse({ type: SpdResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpdResponse> {
    return this.spd.get(user, id);
  }
}
