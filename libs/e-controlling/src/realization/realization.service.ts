import { Injectable } from '@nestjs/common';
import { AuthUser, TransactionService } from '@grms/core';
import { ControllingScopeService } from '../common/controlling-scope.service';
import { AbsorptionQueryService } from './absorption-query.service';
import { RealizationQueryDto, RealizationRow } from './dto/realization.dto';

// GET /controlling/realization: the absorption query in the user's scope.
@Injectable()
export class RealizationService {
  constructor(private readonly tx: TransactionService, private readonly scope: ControllingScopeService, private readonly absorption: AbsorptionQueryService) {}

  rows(user: AuthUser, q: RealizationQueryDto): Promise<RealizationRow[]> {
    return this.tx.run(async (m) => this.absorption.rows(m, q.fiscalYear, await this.scope.context(m, user, q), q.groupBy ?? 'organization'));
  }
}
