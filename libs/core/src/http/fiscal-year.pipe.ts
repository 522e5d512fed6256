import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireFiscalYear } from '../errors/fiscal-year';

const KNOWN_FOR_MS = 60_000;

/**
 * Every route that takes a fiscal year in its query or path answers an
 * unknown year the same way: 404 FISCAL_YEAR_NOT_FOUND naming the year
 * (decision 0040). Runs after validation (a malformed year stays a 400) and
 * after the guards (401/403 come first). Years in a body are checked by the
 * services with the same helper, since creating a year takes one that does
 * not exist yet.
 */
@Injectable()
export class FiscalYearExistsPipe implements PipeTransform {
  /** Years seen to exist, and when: a year is never deleted through the API, so a list page need not ask again for a minute. */
  private readonly known = new Map<number, number>();

  constructor(private readonly db: DataSource) {}

  async transform(value: unknown, meta: ArgumentMetadata): Promise<unknown> {
    if (meta.type !== 'query' && meta.type !== 'param') return value;
    const year = meta.data === 'fiscalYear' ? value
      : !meta.data && value && typeof value === 'object' ? (value as { fiscalYear?: unknown }).fiscalYear : undefined;
    if (year === undefined || year === null || year === '') return value;
    const n = Number(year);
    if (!Number.isInteger(n)) return value; // the route's own validation answers 400
    const seen = this.known.get(n);
    if (seen !== undefined && Date.now() - seen < KNOWN_FOR_MS) return value;
    await requireFiscalYear(this.db, n);
    if (this.known.size > 100) this.known.clear();
    this.known.set(n, Date.now());
    return value;
  }
}
