import { Injectable } from '@nestjs/common';
import { AccessService, AuthUser, Permission } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ControllingThresholdsResponse } from '../thresholds/dto/controlling-threshold.dto';
import { ControllingThresholdsService } from '../thresholds/controlling-thresholds.service';
import { narrowScope, reportDate } from './report-date';

export interface ReportContext {
  asOf: string;
  today: string;
  /** null: every organization */
  orgs: string[] | null;
  thresholds: ControllingThresholdsResponse;
}

// What every controlling report starts from: its date, the organizations the
// user may read (AUDITOR and ADMIN the province, OPD roles their own OPD) and
// the year's thresholds.
@Injectable()
export class ControllingScopeService {
  constructor(private readonly access: AccessService, private readonly thresholds: ControllingThresholdsService) {}

  async context(m: EntityManager, user: AuthUser | null, q: { fiscalYear: number; month?: number; asOf?: string; organizationId?: string }): Promise<ReportContext> {
    const [{ today }] = await m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
    const asOf = reportDate(q, today);
    const scope = user ? await this.access.scope(user, Permission.CONTROLLING_READ) : null;
    const tree: { id: string }[] = q.organizationId ? await m.query(
      `WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = $1 UNION ALL SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id) SELECT id FROM tree`,
      [q.organizationId]) : [];
    if (q.organizationId && tree.length === 0) narrowScope([], q.organizationId, []);
    return { asOf, today, orgs: narrowScope(scope, q.organizationId, tree.map((t) => t.id)), thresholds: await this.thresholds.of(m, q.fiscalYear) };
  }
}
