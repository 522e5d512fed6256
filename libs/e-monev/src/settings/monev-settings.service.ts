import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, TransactionService } from '@grms/core';
import { FiscalYearsService } from '@grms/budget';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { deadlinesOf, quarterEnd } from '../rules/quarters';
import { MonevSettingsResponse, PutMonevSettingsDto } from './monev-settings.dto';

/** Defaults of every year without settings of its own (docs/decisions/0600, 0601). */
export const MONEV_DEFAULTS = {
  entryDays: 10,
  bands: { veryHigh: '91.00', high: '76.00', medium: '66.00', low: '51.00' },
  lowerIsBetter: 'MIRROR' as const,
  regulation: 'Permendagri 86/2017 (evaluasi hasil Renja Perangkat Daerah per triwulan; predikat capaian kinerja)',
};

const p2 = (v: string) => new Decimal(v).toFixed(2);

// e-monev settings per fiscal year: the quarters' entry deadlines, the
// achievement bands and the lower-is-better formula (ADMIN; defaults apply
// to a year without a row).
@Injectable()
export class MonevSettingsService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  get(fiscalYear: number): Promise<MonevSettingsResponse> {
    return this.tx.run((m) => this.of(m, fiscalYear));
  }

  async of(m: EntityManager, fiscalYear: number): Promise<MonevSettingsResponse> {
    const [r] = await m.query(
      `SELECT entry_days AS "entryDays", deadlines IS NOT NULL AS explicit,
         band_very_high::text AS "veryHigh", band_high::text AS high, band_medium::text AS medium, band_low::text AS low,
         lower_is_better AS "lowerIsBetter", regulation,
         (SELECT array_agg(to_char(x, 'YYYY-MM-DD') ORDER BY n) FROM unnest(deadlines) WITH ORDINALITY AS u(x, n)) AS dates
       FROM monev_settings WHERE fiscal_year = $1`, [fiscalYear]);
    if (!r) {
      return { fiscalYear, entryDays: MONEV_DEFAULTS.entryDays, deadlines: deadlinesOf(fiscalYear, MONEV_DEFAULTS.entryDays, null), explicitDeadlines: false,
        bands: { ...MONEV_DEFAULTS.bands }, lowerIsBetter: MONEV_DEFAULTS.lowerIsBetter, regulation: MONEV_DEFAULTS.regulation, isDefault: true };
    }
    return { fiscalYear, entryDays: r.entryDays, deadlines: deadlinesOf(fiscalYear, r.entryDays, r.explicit ? r.dates : null), explicitDeadlines: r.explicit,
      bands: { veryHigh: r.veryHigh, high: r.high, medium: r.medium, low: r.low }, lowerIsBetter: r.lowerIsBetter, regulation: r.regulation, isDefault: false };
  }

  put(user: AuthUser, fiscalYear: number, dto: PutMonevSettingsDto): Promise<MonevSettingsResponse> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, fiscalYear, ['PLANNING', 'EXECUTION']);
      const before = await this.of(m, fiscalYear);
      const bands = dto.bands ? { veryHigh: p2(dto.bands.veryHigh), high: p2(dto.bands.high), medium: p2(dto.bands.medium), low: p2(dto.bands.low) } : before.bands;
      const b = [bands.low, bands.medium, bands.high, bands.veryHigh].map((x) => new Decimal(x));
      if (!(b[0].gt(0) && b[0].lt(b[1]) && b[1].lt(b[2]) && b[2].lt(b[3]) && b[3].lte(100))) {
        throw DomainError.rule('INVALID_BANDS', `the band bounds must rise: 0 < low ${bands.low} < medium ${bands.medium} < high ${bands.high} < veryHigh ${bands.veryHigh} <= 100`, [{ field: 'bands', message: 'bounds out of order' }]);
      }
      const explicit = dto.deadlines === undefined ? (before.explicitDeadlines ? before.deadlines : null) : dto.deadlines;
      explicit?.forEach((d, i) => {
        const end = quarterEnd(fiscalYear, i + 1);
        if (d < end) throw DomainError.rule('INVALID_DEADLINE', `the deadline of TW ${i + 1} (${d}) falls before the quarter ends (${end})`, [{ field: `deadlines.${i}`, message: `before ${end}` }]);
      });
      await m.query(
        `INSERT INTO monev_settings (fiscal_year, entry_days, deadlines, band_very_high, band_high, band_medium, band_low, lower_is_better, regulation, updated_by)
         VALUES ($1, $2, $3::date[], $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (fiscal_year) DO UPDATE SET entry_days = EXCLUDED.entry_days, deadlines = EXCLUDED.deadlines, band_very_high = EXCLUDED.band_very_high,
           band_high = EXCLUDED.band_high, band_medium = EXCLUDED.band_medium, band_low = EXCLUDED.band_low, lower_is_better = EXCLUDED.lower_is_better,
           regulation = EXCLUDED.regulation, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [fiscalYear, dto.entryDays ?? before.entryDays, explicit, bands.veryHigh, bands.high, bands.medium, bands.low, dto.lowerIsBetter ?? before.lowerIsBetter, dto.regulation.trim(), user.id]);
      const after = await this.of(m, fiscalYear);
      this.audit.record({ action: 'MONEV_SETTINGS.PUT', entityType: 'MonevSettings', entityId: String(fiscalYear), before, after });
      return after;
    });
  }
}
