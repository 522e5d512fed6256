import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, fiscalYearNotFound, offsetOf, Page, pageOf, PageQueryDto, queryRows, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { CreateFiscalYearDto, FISCAL_YEAR_STATUSES, FiscalYearResponse, FiscalYearStatus, UpdateFiscalYearDto } from './dto/fiscal-year.dto';

const COLUMNS = `year, status, code_list_version AS "codeListVersion", to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`;

@Injectable()
export class FiscalYearsService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService) {}

  list(q: PageQueryDto): Promise<Page<FiscalYearResponse>> {
    return this.tx.run(async (m) => {
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM fiscal_years`);
      const rows = await m.query(`SELECT ${COLUMNS} FROM fiscal_years ORDER BY year LIMIT $1 OFFSET $2`, [q.limit, offsetOf(q)]);
      return pageOf(rows, total, q);
    });
  }

  create(dto: CreateFiscalYearDto): Promise<FiscalYearResponse> {
    return this.tx.run(async (m) => {
      const exists = await m.query(`SELECT 1 FROM fiscal_years WHERE year = $1`, [dto.year]);
      if (exists.length) throw DomainError.conflict('FISCAL_YEAR_EXISTS', `fiscal year ${dto.year} already exists`);
      if (dto.codeListVersion && !(await m.query(`SELECT 1 FROM code_list_versions WHERE id = $1`, [dto.codeListVersion])).length) {
        throw DomainError.rule('UNKNOWN_CODE_LIST_VERSION', `code-list version ${dto.codeListVersion} does not exist (GET /code-list-versions)`, [{ field: 'codeListVersion', message: 'unknown version' }]);
      }
      const [row] = await m.query(`INSERT INTO fiscal_years (year, status, code_list_version) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [dto.year, dto.status, dto.codeListVersion ?? null]);
      this.audit.record({ action: 'FISCAL_YEAR.CREATE', entityType: 'FiscalYear', entityId: String(dto.year), after: row });
      return row;
    });
  }

  update(year: number, dto: UpdateFiscalYearDto): Promise<FiscalYearResponse> {
    return this.tx.run(async (m) => {
      const [before] = await m.query(`SELECT ${COLUMNS} FROM fiscal_years WHERE year = $1 FOR UPDATE`, [year]);
      if (!before) throw fiscalYearNotFound(year, 'year');
      const from = FISCAL_YEAR_STATUSES.indexOf(before.status);
      const to = FISCAL_YEAR_STATUSES.indexOf(dto.status);
      if (to !== from + 1) {
        throw DomainError.invalidTransition(`fiscal year ${year}`, before.status, `moved to ${dto.status} (allowed: PLANNING -> EXECUTION -> CLOSED)`);
      }
      const [after] = await queryRows<FiscalYearResponse>(m, `UPDATE fiscal_years SET status = $2, updated_at = now() WHERE year = $1 RETURNING ${COLUMNS}`, [year, dto.status]);
      this.audit.record({ action: 'FISCAL_YEAR.UPDATE', entityType: 'FiscalYear', entityId: String(year), before, after });
      return after;
    });
  }

  /** For modules: the year's status, or a 4xx naming why it cannot be used. */
  async requireStatus(m: EntityManager, year: number, allowed: FiscalYearStatus[], field = 'fiscalYear'): Promise<FiscalYearStatus> {
    const [row] = await m.query(`SELECT status FROM fiscal_years WHERE year = $1`, [year]);
    return this.checkStatus(year, row?.status ?? null, allowed, field);
  }

  /** The check of `requireStatus` on a status read by the caller's own statement (null: no such year). */
  checkStatus(year: number, status: FiscalYearStatus | null, allowed: FiscalYearStatus[], field = 'fiscalYear'): FiscalYearStatus {
    if (!status) throw fiscalYearNotFound(year, field);
    if (!allowed.includes(status)) {
      throw DomainError.rule('FISCAL_YEAR_NOT_OPEN', `fiscal year ${year} is ${status}; this needs ${allowed.join(' or ')}`, [{ field, message: `fiscal year is ${status}` }]);
    }
    return status;
  }
}
