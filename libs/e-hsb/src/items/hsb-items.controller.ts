import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { ApiCursorPage, Authenticated, AuthUser, CurrentUser, CursorPage, Permission, ProblemResponse } from '@grms/core';
import { CreateHsbItemDto, HsbItemDetailResponse, HsbItemQueryDto, HsbItemResponse, UpdateHsbItemDto } from './dto/hsb-item.dto';
import { HsbItemsService } from './hsb-items.service';

@ApiTags('e-HSB')
@Controller('hsb/items')
export class HsbItemsController {
  constructor(private readonly items: HsbItemsService) {}

  @Get()
  @ApiOperation({ summary: 'Search the price catalogue', description: 'Standard unit prices (SSH, HSPK, ASB, SBU) of a fiscal year, filtered by kind, category, account and text; the current version of each item. Any authenticated role with HSB_READ (the catalogue is province-wide). Order: newest year first, then code; with `q`, the best matches first, then code. Paged by number (`page`, with the real `total`) or by cursor (`cursor` = `meta.nextCursor` of the previous page: every page costs what the first does; no `total`); a cursor of another list or a tampered one is 400 `INVALID_CURSOR`.' })
  @Authenticated({ permission: Permission.HSB_READ })
  @ApiCursorPage(HsbItemResponse)
  list(@Query() q: HsbItemQueryDto): Promise<CursorPage<HsbItemResponse>> {
    return this.items.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A catalogue item with its versions', description: 'One catalogue item with all its versions, newest first.' })
  @Authenticated({ permission: Permission.HSB_READ })
  @ApiOkResponse({ type: HsbItemDetailResponse, description: 'the item with all its versions, newest first' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<HsbItemDetailResponse> {
    return this.items.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a catalogue item', description: 'Adds a standard price for a fiscal year: code unique within the year, accounts from the chart of accounts, the year open.' })
  @Authenticated({ permission: Permission.HSB_MANAGE })
  @ApiCreatedResponse({ type: HsbItemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'DUPLICATE_HSB_CODE' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'UNKNOWN_ACCOUNT, FISCAL_YEAR_NOT_OPEN (an unknown year is 404 FISCAL_YEAR_NOT_FOUND)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateHsbItemDto): Promise<HsbItemResponse> {
    return this.items.create(user, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a catalogue item', description: 'Any change of content (the price included) makes a new version; the request names the version it changes (optimistic lock). A locked item is refused.' })
  @Authenticated({ permission: Permission.HSB_MANAGE })
  @ApiOkResponse({ type: HsbItemResponse, description: 'any change of content (price included) makes a new version' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'HSB_ITEM_LOCKED, STALE_VERSION' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateHsbItemDto): Promise<HsbItemResponse> {
    return this.items.update(user, id, dto);
  }

  @Post(':id/lock')
  @ApiOperation({ summary: 'Lock a catalogue item', description: 'Freezes the item: no new version until it is unlocked.' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.HSB_MANAGE })
  @ApiOkResponse({ type: HsbItemResponse })
  lock(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HsbItemResponse> {
    return this.items.setLock(user, id, true);
  }

  @Post(':id/unlock')
  @ApiOperation({ summary: 'Unlock a catalogue item', description: 'Allows new versions of the item again.' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.HSB_MANAGE })
  @ApiOkResponse({ type: HsbItemResponse })
  unlock(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HsbItemResponse> {
    return this.items.setLock(user, id, false);
  }
}
