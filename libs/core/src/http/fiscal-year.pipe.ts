import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireFiscalYear } from '../errors/fiscal-year';

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
  constructor(private readonly db: DataSource) {}

  async transform(value: unknown, meta: ArgumentMetadata): Promise<unknown> {
    if (meta.type !== 'query' && meta.type !== 'param') return value;
    const year = meta.data === 'fiscalYear' ? value
      : !meta.data && value && typeof value === 'object' ? (value as { fiscalYear?: unknown }).fiscalYear : undefined;
    if (year === undefined || year === null || year === '') return value;
    const n = Number(year);
    if (!Number.isInteger(n)) return value; // the route's own validation answers 400
    await requireFiscalYear(this.db, n);
    return value;
  }
}
