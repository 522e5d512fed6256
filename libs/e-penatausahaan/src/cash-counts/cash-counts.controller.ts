import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, Permission, ProblemResponse } from '@grms/core';
import { Column, download } from '../common/export';
import { CashCountsService } from './cash-counts.service';
import { CashCountQueryDto, CashCountResponse, CreateCashCountDto } from './dto/cash-count.dto';

const COLUMNS: Column<CashCountResponse>[] = [
  { header: 'Tanggal', value: (r) => r.countedOn },
  { header: 'OPD', value: (r) => r.organizationName },
  { header: 'Kas tunai dihitung', value: (r) => r.cashCounted, money: true },
  { header: 'Saldo kas tunai BKU', value: (r) => r.bookCash, money: true },
  { header: 'Selisih kas tunai', value: (r) => r.cashDifference, money: true },
  { header: 'Saldo rekening koran', value: (r) => r.bankStatement, money: true },
  { header: 'Saldo bank BKU', value: (r) => r.bookBank, money: true },
  { header: 'Selisih bank', value: (r) => r.bankDifference, money: true },
  { header: 'Pajak belum disetor', value: (r) => r.bookTax, money: true },
  { header: 'Catatan', value: (r) => r.notes },
  { header: 'Pemeriksa', value: (r) => r.countedBy },
];

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/cash-counts')
export class CashCountsController {
  constructor(private readonly counts: CashCountsService) {}

  @Post()
  @Authenticated({ permission: Permission.BKU_WRITE })
  @ApiOperation({ summary: 'Record a cash count (kas opname)', description: 'By the OPD\'s treasurer at month end: cash counted and the bank statement balance against the BKU balances at the end of that day; the differences are kept. One count per OPD and day, not in the future, in a year being executed; kept as written.' })
  @ApiCreatedResponse({ type: CashCountResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'DATE_OUTSIDE_OPEN_YEAR, COUNT_IN_FUTURE' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'CASH_COUNT_EXISTS' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCashCountDto): Promise<CashCountResponse> {
    return this.counts.create(user, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.BKU_READ })
  @ApiOperation({ summary: 'Cash counts of an OPD', description: 'Paged in date order; format=csv|xlsx downloads the page with names, never ids. Roles that read the BKU; another OPD\'s is 404.' })
  @ApiPage(CashCountResponse)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async list(@CurrentUser() user: AuthUser, @Query() q: CashCountQueryDto): Promise<Page<CashCountResponse> | StreamableFile> {
    const page = await this.counts.list(user, q);
    return !q.format || q.format === 'json' ? page : download(q.format, `kas-opname-${q.fiscalYear ?? 'all'}`, 'Kas Opname', COLUMNS, page.data);
  }
}
