import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, TransactionService } from '@grms/core';
import { DataSource } from 'typeorm';
import { byOrganization } from '../common/by-organization';
import { ControllingScopeService } from '../common/controlling-scope.service';
import { AbsorptionQueryService } from './absorption-query.service';
import { RealizationQueryDto, RealizationRow } from './dto/realization.dto';

// GET /controlling/realization: the absorption query in the user's scope.
@Injectable()
export class RealizationService {
  constructor(
    private readonly tx: TransactionService, private readonly scope: ControllingScopeService, private readonly absorption: AbsorptionQueryService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  rows(user: AuthUser, q: RealizationQueryDto): Promise<RealizationRow[]> {
    return this.tx.run(async (m) => this.absorption.rows(m, q.fiscalYear, await this.scope.context(m, user, q), q.groupBy ?? 'organization'));
  }

  /**
   * Every row per package, for a download: OPD by OPD in one snapshot
   * (byOrganization), so memory holds a batch of OPDs' packages, not the
   * province's. The other groupings are sums per group, as many as the code
   * lists have groups, and are read at once (`rows`).
   */
  async packagePages(user: AuthUser, q: RealizationQueryDto): Promise<AsyncIterable<RealizationRow[]>> {
    const ctx = await this.tx.run((m) => this.scope.context(m, user, q));
    return byOrganization(this.ds, ctx.orgs, (m, organizationIds) => this.absorption.rows(m, q.fiscalYear, { ...ctx, orgs: organizationIds }, 'package'));
  }
}
