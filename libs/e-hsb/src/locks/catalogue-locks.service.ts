import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, queryRows, requireFiscalYear, TransactionService } from '@grms/core';
import { CatalogueLockDto, CatalogueLockResponse } from './dto/catalogue-lock.dto';

// Locks (or unlocks) a whole year's catalogue, or one category of it, at the
// start (or end) of a budgeting round, in one statement and one audit record
// that lists the codes it changed.
@Injectable()
export class CatalogueLocksService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService) {}

  set(user: AuthUser, dto: CatalogueLockDto): Promise<CatalogueLockResponse> {
    return this.tx.run(async (m) => {
      await requireFiscalYear(m, dto.fiscalYear);
      const changed = await queryRows<{ code: string }>(m,
        `UPDATE hsb_items SET locked = $3, locked_at = CASE WHEN $3 THEN now() END, locked_by = CASE WHEN $3 THEN $4::uuid END, updated_at = now()
         WHERE fiscal_year = $1 AND ($2::text IS NULL OR category = $2) AND locked <> $3 RETURNING code`,
        [dto.fiscalYear, dto.category ?? null, dto.locked, user.id],
      );
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM hsb_items WHERE fiscal_year = $1 AND ($2::text IS NULL OR category = $2) AND locked = $3`,
        [dto.fiscalYear, dto.category ?? null, dto.locked]);
      if (changed.length) {
        this.audit.record({
          action: dto.locked ? 'HSB_CATALOGUE.LOCK' : 'HSB_CATALOGUE.UNLOCK', entityType: 'HsbCatalogue', entityId: `${dto.fiscalYear}${dto.category ? `:${dto.category}` : ''}`,
          after: { locked: dto.locked, changed: changed.length, codes: changed.map((c) => c.code).sort() },
        });
      }
      return { fiscalYear: dto.fiscalYear, category: dto.category ?? null, locked: dto.locked, changed: changed.length, total };
    });
  }
}
