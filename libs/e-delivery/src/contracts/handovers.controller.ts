import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessService, Authenticated, AuthUser, CurrentUser, download, Permission, SqlWhere, TransactionService } from '@grms/core';
import { HANDOVER_COLUMNS, HANDOVER_SELECT, HandoverQueryDto, HandoverRow } from './handover-register';

@ApiTags('e-delivery')
@Controller('delivery/handovers')
export class HandoversController {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService) {}

  @Get()
  @Authenticated({ permission: Permission.CONTRACT_READ })
  @ApiOperation({ summary: 'Handover register (BAST: PHO and FHO)', description: 'Readers of contracts (OPD roles: their OPD), by date. format=json|csv|xlsx.' })
  @ApiOkResponse({ type: [HandoverRow] })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async list(@CurrentUser() user: AuthUser, @Query() q: HandoverQueryDto): Promise<HandoverRow[] | StreamableFile> {
    const scope = await this.access.scope(user, Permission.CONTRACT_READ);
    const w = new SqlWhere().scope('c.organization_id', scope).add('c.fiscal_year = ?', q.fiscalYear).add('c.organization_id = ?', q.organizationId);
    const rows: HandoverRow[] = await this.tx.run((m) => m.query(`${HANDOVER_SELECT} ${w.clause} ORDER BY h.handover_date, c.number, h.kind`, w.params));
    return !q.format || q.format === 'json' ? rows : download(q.format, `handover-register-${q.fiscalYear}`, 'BAST', HANDOVER_COLUMNS, rows);
  }
}
