import { Injectable } from '@nestjs/common';
import { AuthUser, Money, Permission, TransactionService } from '@grms/core';
import Decimal from 'decimal.js';
import { DocumentStore } from './document-store';
import { DocumentReviewResponse, ReviewFlagResponse } from './dto/document-review.dto';

/** A volume this many times the median of the same catalogue item elsewhere is flagged. */
export const OUTLIER_FACTOR = 3;
/** The median needs at least this many other uses to be meaningful. */
export const OUTLIER_MIN_SAMPLES = 3;

interface Row {
  id: string; description: string; accountCode: string; unitPrice: string; volume: string; volumeUnit: string;
  hsbCode: string | null; hsbPrice: string | null; hsbCeiling: string | null; hsbAccounts: string[] | null; hsbVersion: number | null;
  currentVersion: number | null; currentPrice: string | null; median: string | null; samples: number;
}

// Integrity review before approval: what a verifier should look at. It reads
// only; the hard rules were already enforced when the items were priced.
@Injectable()
export class DocumentReviewService {
  constructor(private readonly tx: TransactionService, private readonly store: DocumentStore) {}

  async review(user: AuthUser, id: string): Promise<DocumentReviewResponse> {
    return this.tx.run(async (m) => {
      const doc = await this.store.require(m, user, id, Permission.BUDGET_DOC_READ);
      const rows: Row[] = await m.query(
        `SELECT i.id, i.description, i.account_code AS "accountCode", i.unit_price AS "unitPrice", i.volume::text AS volume, i.volume_unit AS "volumeUnit",
           h.code AS "hsbCode", v.price AS "hsbPrice", v.ceiling AS "hsbCeiling", v.account_codes AS "hsbAccounts", v.version AS "hsbVersion",
           h.version AS "currentVersion", h.price AS "currentPrice", o.median::text AS median, COALESCE(o.samples, 0)::int AS samples
         FROM budget_document_items i
         LEFT JOIN hsb_items h ON h.id = i.hsb_item_id
         LEFT JOIN hsb_item_versions v ON v.id = i.hsb_version_id
         LEFT JOIN LATERAL (
           SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x.volume) AS median, count(*) AS samples
           FROM budget_document_items x JOIN budget_documents d ON d.id = x.document_id
           WHERE x.hsb_item_id = i.hsb_item_id AND d.fiscal_year = $2 AND x.document_id <> $1 AND d.status <> 'SUPERSEDED'
         ) o ON i.hsb_item_id IS NOT NULL
         WHERE i.document_id = $1 ORDER BY i.account_code, i.seq`, [id, doc.fiscalYear]);
      const flags: ReviewFlagResponse[] = [];
      for (const r of rows) {
        const flag = (code: string, severity: string, message: string) => flags.push({ itemId: r.id, description: r.description, code, severity, message });
        if (r.hsbPrice !== null && Money.of(r.unitPrice).gt(Money.of(r.hsbPrice))) {
          flag('ABOVE_CATALOGUE_PRICE', 'WARNING', `unit price ${r.unitPrice} is above the ${r.hsbCeiling} price ${r.hsbPrice} of e-HSB item ${r.hsbCode} (version ${r.hsbVersion})`);
        }
        if (r.hsbAccounts !== null && !r.hsbAccounts.includes(r.accountCode)) {
          flag('ACCOUNT_NOT_ALLOWED', 'WARNING', `e-HSB item ${r.hsbCode} allows ${r.hsbAccounts.join(', ') || 'no account'}, not ${r.accountCode}`);
        }
        if (r.median !== null && r.samples >= OUTLIER_MIN_SAMPLES && new Decimal(r.volume).gt(new Decimal(r.median).times(OUTLIER_FACTOR))) {
          flag('QUANTITY_OUTLIER', 'WARNING', `volume ${r.volume} ${r.volumeUnit} is more than ${OUTLIER_FACTOR} times the median ${new Decimal(r.median).toDecimalPlaces(4).toString()} of e-HSB item ${r.hsbCode} in ${r.samples} other budget items of ${doc.fiscalYear}`);
        }
        if (r.hsbVersion !== null && r.currentVersion !== null && r.currentVersion > r.hsbVersion) {
          flag('NEWER_CATALOGUE_VERSION', 'INFO', `priced with version ${r.hsbVersion} (${r.hsbPrice}); the catalogue is now at version ${r.currentVersion} (${r.currentPrice})`);
        }
      }
      const flagged = new Set(flags.filter((f) => f.severity === 'WARNING').map((f) => f.itemId));
      return { documentId: id, status: doc.status, itemCount: rows.length, flaggedItems: flagged.size, flags };
    });
  }
}
