import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, Authenticated, AuthUser, CurrentUser, Keyset, keysetPages, Permission, SqlWhere, streamDownload, TransactionService, withKeyColumn } from '@grms/core';
import { DataSource } from 'typeorm';
import { HANDOVER_COLUMNS, HANDOVER_SELECT, HandoverQueryDto, HandoverRow } from './handover-register';

// The register's order (date, contract number, PHO before FHO), the handover's id last to make it unique: a download pages on it.
const HANDOVER_KEYSET: Keyset<HandoverRow & { __id: string }> = {
  name: 'handovers',
  parts: [{ sql: 'h.handover_date', type: 'date', field: 'date' }, { sql: 'c.number', type: 'text', field: 'contractNumber' }, { sql: 'h.kind', type: 'text', field: 'kind' }, { sql: 'h.id', type: 'uuid', field: '__id' }],
};

@ApiTags('e-delivery')
@Controller('delivery/handovers')
export class HandoversController {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, @InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @Authenticated({ permission: Permission.CONTRACT_READ })
  @ApiOperation({ summary: 'Handover register (BAST: PHO and FHO)', description: 'Readers of contracts (OPD roles: their OPD), by date. format=json|csv|xlsx (the downloads stream every handover from one read-only snapshot, page by page).' })
  @ApiOkResponse({ type: [HandoverRow] })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async list(@CurrentUser() user: AuthUser, @Query() q: HandoverQueryDto): Promise<HandoverRow[] | StreamableFile> {
    const scope = await this.access.scope(user, Permission.CONTRACT_READ);
    const w = new SqlWhere().scope('c.organization_id', scope).add('c.fiscal_year = ?', q.fiscalYear).add('c.organization_id = ?', q.organizationId);
    if (q.format === 'csv' || q.format === 'xlsx') {
      // every handover of the filters, in keyset pages of one read-only snapshot
      return streamDownload(q.format, `handover-register-${q.fiscalYear}`, 'BAST', HANDOVER_COLUMNS, keysetPages(this.ds, HANDOVER_KEYSET, withKeyColumn(HANDOVER_SELECT, 'h.id AS "__id"'), w));
    }
    return this.tx.run((m) => m.query(`${HANDOVER_SELECT} ${w.clause} ORDER BY h.handover_date, c.number, h.kind`, w.params));
  }
}
