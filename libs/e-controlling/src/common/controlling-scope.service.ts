import { Injectable } from '@nestjs/common';
import { AccessService, AuthUser, DomainError, Permission } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ControllingThresholdsResponse } from '../thresholds/dto/controlling-threshold.dto';
import { ControllingThresholdsService } from '../thresholds/controlling-thresholds.service';
import { narrowScope, reportDate } from './report-date';

export interface ReportContext {
  asOf: string;
  today: string;
  /** null: every organization */
  orgs: string[] | null;
  /** a program (nomenclature level 3) the report is narrowed to; null: every program */
  programCode: string | null;
  thresholds: ControllingThresholdsResponse;
}

// What every controlling report starts from: its date, the organizations the
// user may read (AUDITOR and ADMIN the province, OPD roles their own OPD) and
// the year's thresholds.
@Injectable()
export class ControllingScopeService {
  constructor(private readonly access: AccessService, private readonly thresholds: ControllingThresholdsService) {}

  async context(m: EntityManager, user: AuthUser | null, q: { fiscalYear: number; month?: number; asOf?: string; organizationId?: string; programCode?: string }): Promise<ReportContext> {
    const [{ today }] = await m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
    const asOf = reportDate(q, today);
    const scope = user ? await this.access.scope(user, Permission.CONTROLLING_READ) : null;
    const tree: { id: string }[] = q.organizationId ? await m.query(
      `WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = $1 UNION ALL SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id) SELECT id FROM tree`,
      [q.organizationId]) : [];
    if (q.organizationId && tree.length === 0) narrowScope([], q.organizationId, []);
    if (q.programCode) await requireProgram(m, q.programCode);
    return { asOf, today, orgs: narrowScope(scope, q.organizationId, tree.map((t) => t.id)), programCode: q.programCode ?? null, thresholds: await this.thresholds.of(m, q.fiscalYear) };
  }
}

const LEVELS = ['urusan', 'bidang urusan', 'program', 'kegiatan', 'sub kegiatan'];

/** 422 UNKNOWN_PROGRAM unless `code` is a program of the nomenclature (level 3). */
async function requireProgram(m: EntityManager, code: string): Promise<void> {
  const [n]: { level: number }[] = await m.query(`SELECT level FROM nomenclature WHERE code = $1`, [code]);
  if (n?.level === 3) return;
  const detail = n ? `${code} is a ${LEVELS[n.level - 1]} (level ${n.level}) of the nomenclature, not a program (level 3)` : `program ${code} is not in the nomenclature`;
  throw DomainError.rule('UNKNOWN_PROGRAM', detail, [{ field: 'programCode', message: detail }]);
}
