import { EntityManager } from 'typeorm';
import { WithheldTax } from './tax-calc';

const TABLES = { spp: ['spp_taxes', 'spp_id'], receipt: ['receipt_taxes', 'receipt_id'] } as const;

/** Stores the taxes of a payment document (SPP or receipt) with their base, base amount, applied rate and note. */
export async function storeTaxes(m: EntityManager, doc: keyof typeof TABLES, id: string, taxes: WithheldTax[]): Promise<void> {
  const [table, fk] = TABLES[doc];
  for (const x of taxes) {
    await m.query(`INSERT INTO ${table} (${fk}, code, name, rate, amount, base, base_amount, surcharge, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, x.code, x.name, x.rate, x.amount.toString(), x.base, x.baseAmount.toString(), x.surcharge, x.note]);
  }
}
