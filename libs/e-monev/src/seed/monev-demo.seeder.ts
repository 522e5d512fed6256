import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, RequestContext, TransactionService } from '@grms/core';
import { randomUUID } from 'node:crypto';
import { EvaluationService } from '../evaluation/evaluation.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { RealizationsService } from '../realizations/realizations.service';

// Demo data for e-monev, through the services as the demo users would do it:
// OPD A's 2026 indicators (a program outcome in %, the output of two of its
// budgeted sub kegiatan, from the nomenclature), realisations of TW I and TW
// II entered inside their windows (on the days given here), one verified
// and one rejected, and the TW II footer. Idempotent: does nothing when OPD
// A already has a 2026 indicator.
@Injectable()
export class MonevDemoSeeder {
  private readonly logger = new Logger('MonevDemoSeed');

  constructor(private readonly tx: TransactionService, private readonly indicators: IndicatorsService, private readonly realizations: RealizationsService,
    private readonly evaluation: EvaluationService) {}

  async seed(orgA: string): Promise<void> {
    const users = await this.tx.run(async (m) => {
      const rows: AuthUser[] = await m.query(`SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE username = ANY($1)`, [['planner-a', 'monev-verifier']]);
      return new Map(rows.map((u) => [u.username, u]));
    });
    if (users.size < 2) { this.logger.warn('demo users missing; e-monev demo data skipped'); return; }
    if ((await this.tx.run((m) => m.query(`SELECT 1 FROM monev_indicators WHERE fiscal_year = 2026 AND organization_id = $1 LIMIT 1`, [orgA]))).length) return;
    const subs: { code: string }[] = await this.tx.run((m) => m.query(
      `SELECT DISTINCT b.sub_activity_code AS code FROM budget_lines b
       JOIN code_list_entries e ON e.version = (SELECT code_list_version FROM fiscal_years WHERE year = 2026) AND e.list = 'nomenclature' AND e.code = b.sub_activity_code
       WHERE b.fiscal_year = 2026 AND b.organization_id = $1 AND b.appropriated > 0 AND e.indicator IS NOT NULL AND e.unit IS NOT NULL ORDER BY 1 LIMIT 2`, [orgA]));
    if (!subs.length) { this.logger.warn('OPD A has no budgeted 2026 sub kegiatan with an indicator; e-monev demo data skipped'); return; }
    const as = <T>(username: string, fn: (u: AuthUser) => Promise<T>): Promise<T> => {
      const user = users.get(username)!;
      return RequestContext.run({ requestId: `seed-${randomUUID()}`, user }, () => fn(user));
    };
    const program = subs[0].code.split('.').slice(0, 3).join('.');
    const outcome = await as('planner-a', (u) => this.indicators.create(u, {
      fiscalYear: 2026, level: 'PROGRAM', code: program, name: 'Angka Partisipasi Kasar (APK) SMA/SMK/SLB', unit: '%', direction: 'HIGHER_IS_BETTER', aggregation: 'LAST',
      target: '88', baseline: '84.5', renstraTarget: '90', previousRealization: '86.2', responsibleUnit: 'Sekretariat Disdikbud (Sub Bagian Program)',
    }));
    const outputs = [];
    for (const [i, s] of subs.entries()) {
      outputs.push(await as('planner-a', (u) => this.indicators.create(u, {
        fiscalYear: 2026, level: 'SUB_KEGIATAN', code: s.code, target: i === 0 ? '12' : '4', quarterlyTargets: i === 0 ? ['2', '6', '10', '12'] : ['1', '2', '3', '4'],
        renstraTarget: i === 0 ? '60' : '20', previousRealization: i === 0 ? '24' : '8', responsibleUnit: 'Bidang Pembinaan SMA',
      })));
    }
    const enter = async (indicatorId: string, quarter: number, value: string, day: string, evidence: string, obstacles?: string) => {
      const r = await as('planner-a', (u) => this.realizations.create(u, indicatorId, { quarter, value, evidence, obstacles }, day));
      await as('planner-a', (u) => this.realizations.submit(u, r.id, day));
      return r.id;
    };
    // TW I: verified
    const q1 = await enter(outputs[0].id, 1, '2', '2026-04-06', 'BAST No. 027/0412/2026 dan foto kondisi 100%');
    await as('monev-verifier', (u) => this.realizations.verify(u, q1));
    const p1 = await enter(outcome.id, 1, '86.9', '2026-04-07', 'Dapodik per 31 Maret 2026');
    await as('monev-verifier', (u) => this.realizations.verify(u, p1));
    // TW II: one verified, one rejected (its evidence is missing)
    const p2 = await enter(outcome.id, 2, '87.4', '2026-07-07', 'Dapodik per 30 Juni 2026');
    await as('monev-verifier', (u) => this.realizations.verify(u, p2));
    const q2 = await enter(outputs[0].id, 2, '5', '2026-07-08', 'laporan kemajuan fisik', 'dua lokasi terlambat karena lelang ulang');
    await as('monev-verifier', (u) => this.realizations.reject(u, q2, 'BAST tiga ruang belum dilampirkan'));
    await as('planner-a', (u) => this.evaluation.putNotes(u, {
      fiscalYear: 2026, quarter: 2, drivingFactors: 'dukungan komite sekolah dan pengawasan lapangan mingguan',
      inhibitingFactors: 'lelang ulang pada dua lokasi pembangunan ruang kelas', followUp: 'percepatan pekerjaan fisik pada TW III', followUpNextYear: 'lelang dini pada Renja 2027',
    }));
    this.logger.log(`2026: ${outputs.length + 1} indicators of OPD A with TW I and TW II realisations`);
  }
}
