import { Injectable, Logger } from '@nestjs/common';
import { findReferenceDir } from '@grms/budget';
import { AuthUser, Money, RequestContext, TransactionService } from '@grms/core';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HsbImportService } from '../imports/hsb-import.service';
import { HsbItemsService } from '../items/hsb-items.service';
import { DEMO_HSB_ITEMS } from './hsb-demo.data';

// Demo catalogue: the real city SSH list for 2026 through its import profile
// (good rows; the rest is reported by the import) and the demo entries for
// 2026 and 2027. Idempotent: a re-import changes nothing, existing codes are kept.
@Injectable()
export class HsbDemoSeeder {
  private readonly logger = new Logger('HsbDemoSeed');

  constructor(private readonly tx: TransactionService, private readonly items: HsbItemsService, private readonly imports: HsbImportService) {}

  async seed(): Promise<void> {
    const [user]: AuthUser[] = await this.tx.run((m) => m.query(`SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE username = 'price-admin'`));
    if (!user) { this.logger.warn('price-admin missing; e-HSB demo data skipped'); return; }
    await RequestContext.run({ requestId: `seed-${randomUUID()}`, user }, async () => {
      const file = join(findReferenceDir(), 'ssh_items_sample.csv');
      if (existsSync(file)) {
        const r = await this.imports.importFile({ path: file }, { fiscalYear: 2026, profile: 'kota-malang-ssh', mode: 'partial' });
        if (r.imported) this.logger.log(`city SSH list: ${r.imported} items imported, ${r.skipped} rows reported`);
      }
      for (const fiscalYear of [2026, 2027]) {
        const existing = await this.tx.run((m) => m.query(`SELECT code FROM hsb_items WHERE fiscal_year = $1 AND code = ANY($2::text[])`, [fiscalYear, DEMO_HSB_ITEMS.map((i) => i.code)]));
        const have = new Set(existing.map((r: { code: string }) => r.code));
        for (const it of DEMO_HSB_ITEMS) {
          if (!have.has(it.code)) await this.items.create(user, { ...it, fiscalYear, price: Money.of(it.price).toString() });
        }
      }
    });
  }
}
