import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission, ApiProblems } from '@grms/core';
import { BkuService } from './bku.service';
import { bkuExport } from './bku-export';
import { BkuEntryResponse, BkuQueryDto, BkuResponse, CreateBkuEntryDto } from './dto/bku.dto';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/bku')
export class BkuController {
  constructor(private readonly bku: BkuService) {}

  @Get()
  @ApiOperation({ summary: 'The cash book (BKU) of a treasurer', description: 'The BKU of an OPD for a date range (inclusive): opening balance, entries with running balances, closing balance. `format=csv|xlsx` downloads the entries.' })
  @ApiProblems({ 422: 'UNKNOWN_FISCAL_YEAR' })
  @Authenticated({ permission: Permission.BKU_READ })
  @ApiOkResponse({ type: BkuResponse, description: 'format=csv|xlsx returns a download of the entries' })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async book(@CurrentUser() user: AuthUser, @Query() q: BkuQueryDto): Promise<BkuResponse | StreamableFile> {
    const book = await this.bku.book(user, q);
    return !q.format || q.format === 'json' ? book : bkuExport(q.format, book);
  }

  @Post('entries')
  @ApiOperation({ summary: 'Write a manual BKU entry', description: 'A manual receipt or payment in the treasurer\'s cash book, or a transfer between sub-ledgers (two entries). Dated in the open year, not in the future, not before the last entry; the balance may not go below zero.' })
  @ApiProblems({ 422: ['BKU_DATE_BEFORE_LAST', 'BKU_DATE_IN_FUTURE', 'BKU_NEGATIVE_BALANCE', 'DATE_OUTSIDE_OPEN_YEAR', 'UNKNOWN_FISCAL_YEAR'] })
  @Authenticated({ permission: Permission.BKU_WRITE })
  @ApiCreatedResponse({ type: [BkuEntryResponse], description: 'a manual entry (or a transfer between sub-ledgers: two entries)' })
  createEntry(@CurrentUser() user: AuthUser, @Body() dto: CreateBkuEntryDto): Promise<BkuEntryResponse[]> {
    return this.bku.createEntry(user, dto);
  }
}
