import { Body, Controller, Get, Param, ParseEnumPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Idempotent, Permission, ApiProblems } from '@grms/core';
import { BkuService } from './bku.service';
import { bkuExport } from './bku-export';
import { bookStreamExport } from './books-export';
import { BooksService } from './books.service';
import { BookKind, BookQueryDto, BookResponse, BOOKS } from './dto/books.dto';
import { BkuEntryResponse, BkuQueryDto, BkuResponse, CreateBkuEntryDto } from './dto/bku.dto';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/bku')
export class BkuController {
  constructor(private readonly bku: BkuService, private readonly books: BooksService) {}

  @Get()
  @ApiOperation({ summary: 'The cash book (BKU) of a treasurer', description: 'The BKU of an OPD for a date range (inclusive): opening balance, entries with running balances, closing balance. The JSON entries are paged in entry order by number (`page`, `limit`, `meta.total` the entries in the range) or by cursor (`cursor` = `meta.nextCursor` of the previous page: every page costs what the first does; no `total`; a cursor of another list is 400 `INVALID_CURSOR`); opening and closing cover the whole range. `format=csv|xlsx` streams every entry of the range from one snapshot. Roles that read the BKU; another OPD\'s is 404.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @Authenticated({ permission: Permission.BKU_READ })
  @ApiOkResponse({ type: BkuResponse, description: 'format=csv|xlsx returns a download of the entries' })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async book(@CurrentUser() user: AuthUser, @Query() q: BkuQueryDto): Promise<BkuResponse | StreamableFile> {
    if (!q.format || q.format === 'json') return this.bku.book(user, q);
    return bkuExport(q.format, await this.bku.bookPages(user, q));
  }

  @Post('entries')
  @ApiOperation({ summary: 'Write a manual BKU entry', description: 'A manual receipt or payment in the treasurer\'s cash book, or a transfer between sub-ledgers (two entries). Dated in the open year, not in the future, not before the last entry; the balance may not go below zero.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND', 422: ['BKU_DATE_BEFORE_LAST', 'BKU_DATE_IN_FUTURE', 'BKU_NEGATIVE_BALANCE', 'DATE_OUTSIDE_OPEN_YEAR'] })
  @Authenticated({ permission: Permission.BKU_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: [BkuEntryResponse], description: 'a manual entry (or a transfer between sub-ledgers: two entries)' })
  createEntry(@CurrentUser() user: AuthUser, @Body() dto: CreateBkuEntryDto): Promise<BkuEntryResponse[]> {
    return this.bku.createEntry(user, dto);
  }

  @Get('books/:book')
  @Authenticated({ permission: Permission.BKU_READ })
  @ApiOperation({ summary: 'A subsidiary book (buku pembantu) of the BKU', description: 'cash, bank, tax (per tax type, `taxCode` for one) read from the BKU entries in entry order with the running balance of that sub-ledger or tax type; rincian-objek: the spending realised on the OPD\'s budget lines, cumulative per rincian objek (`accountCode` prefix to narrow). `to` cuts at a date (month end). format=csv|xlsx downloads it with document numbers and names, never ids, streamed from one read-only snapshot. Roles that read the BKU; another OPD\'s is 404.' })
  @ApiParam({ name: 'book', enum: BOOKS })
  @ApiOkResponse({ type: BookResponse })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async subsidiary(@CurrentUser() user: AuthUser, @Param('book', new ParseEnumPipe(Object.fromEntries(BOOKS.map((b) => [b, b])))) book: BookKind, @Query() q: BookQueryDto): Promise<BookResponse | StreamableFile> {
    if (q.format === 'csv' || q.format === 'xlsx') return bookStreamExport(q.format, book, q.fiscalYear, await this.books.bookPages(user, book, q));
    return this.books.book(user, book, q);
  }
}
