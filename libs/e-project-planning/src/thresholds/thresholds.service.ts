import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, Money, TransactionService } from '@grms/core';
import { FiscalYearsService } from '@grms/budget';
import { PACKAGE_TYPES, PackageType } from '../packages/package.constants';
import { DEFAULT_THRESHOLDS } from './default-thresholds';
import { PutThresholdDto, ThresholdResponse } from './dto/threshold.dto';

// Direct-procurement thresholds per fiscal year and package type (ADMIN sets
// a year's figure when a regulation changes it; otherwise the default).
@Injectable()
export class ThresholdsService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  list(fiscalYear: number): Promise<ThresholdResponse[]> {
    return this.tx.run(async (m) => {
      const rows: { packageType: PackageType; directMax: string; regulation: string }[] = await m.query(
        `SELECT package_type AS "packageType", direct_max::text AS "directMax", regulation FROM procurement_thresholds WHERE fiscal_year = $1`, [fiscalYear]);
      const own = new Map(rows.map((r) => [r.packageType, r]));
      return PACKAGE_TYPES.map((t) => {
        const r = own.get(t);
        return { fiscalYear, packageType: t, directMax: r?.directMax ?? DEFAULT_THRESHOLDS[t].directMax, regulation: r?.regulation ?? DEFAULT_THRESHOLDS[t].regulation, isDefault: !r };
      });
    });
  }

  put(user: AuthUser, fiscalYear: number, type: string, dto: PutThresholdDto): Promise<ThresholdResponse> {
    if (!(PACKAGE_TYPES as readonly string[]).includes(type)) throw DomainError.invalid(`unknown package type ${type}`, [{ field: 'packageType', message: `one of ${PACKAGE_TYPES.join(', ')}` }]);
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, fiscalYear, ['PLANNING', 'EXECUTION']);
      const before = (await this.list(fiscalYear)).find((r) => r.packageType === type);
      await m.query(
        `INSERT INTO procurement_thresholds (fiscal_year, package_type, direct_max, regulation, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (fiscal_year, package_type) DO UPDATE SET direct_max = EXCLUDED.direct_max, regulation = EXCLUDED.regulation, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [fiscalYear, type, Money.of(dto.directMax).toString(), dto.regulation.trim(), user.id]);
      const after = (await this.list(fiscalYear)).find((r) => r.packageType === type)!;
      this.audit.record({ action: 'THRESHOLD.PUT', entityType: 'ProcurementThreshold', entityId: `${fiscalYear}/${type}`, before, after });
      return after;
    });
  }
}
