import { EntityManager } from 'typeorm';

export interface MonevParams {
  fiscalYear: number;
  prefix: string;
  plannerId: string;
  /** a MONEV_VERIFIER user (the demo's monev-verifier); null: realisations stay SUBMITTED */
  monevVerifierId: string | null;
}

const like = (p: MonevParams) => `${p.prefix}.%`;

// e-monev for the generated OPDs, in bulk SQL: one output indicator per
// budgeted sub kegiatan (the nomenclature's indicator and unit where it has
// one), one per kegiatan and one outcome (%) per program of each OPD
// (province scale: ~2,000 + ~1,000 + ~500); realisations for TW I and TW II,
// verified (one in seven TW II rejected), and TW III submitted. Values follow
// the row number (no floats).
export const MONEV_STEPS: { label: string; run(m: EntityManager, p: MonevParams): Promise<void> }[] = [
  {
    label: 'e-monev indicators',
    run: async (m, p) => {
      await m.query(`
        CREATE TEMP TABLE ds_rows ON COMMIT DROP AS
        SELECT DISTINCT l.organization_id, l.sub_activity_code AS code FROM budget_lines l JOIN organizations o ON o.id = l.organization_id
        WHERE o.code LIKE $2 AND l.fiscal_year = $1`, [p.fiscalYear, like(p)]);
      await m.query(`
        INSERT INTO monev_indicators (fiscal_year, organization_id, level, code, name, unit, unit_kind, direction, aggregation, target, quarterly_targets,
          renstra_target, previous_realization, responsible_unit, created_by)
        SELECT $1, x.organization_id, x.level, x.code, x.name, x.unit, CASE WHEN x.unit = '%' THEN 'PERCENT' ELSE 'QUANTITY' END, 'HIGHER_IS_BETTER', x.agg,
          x.t, CASE x.agg WHEN 'SUM' THEN ARRAY[x.t / 4, x.t / 2, x.t * 3 / 4, x.t] ELSE ARRAY[x.t, x.t, x.t, x.t] END, CASE WHEN x.unit = '%' THEN 95 ELSE x.t * 5 END, CASE WHEN x.unit = '%' THEN 85 ELSE x.t * 2 END, 'Bidang Program', $2
        FROM (
          SELECT r.organization_id, 'SUB_KEGIATAN' AS level, r.code, COALESCE(e.indicator, 'Jumlah keluaran ' || r.code) AS name, COALESCE(e.unit, 'Dokumen') AS unit,
            'SUM' AS agg, (4 * (1 + abs(hashtext(r.code)::bigint) % 10))::numeric AS t
          FROM ds_rows r LEFT JOIN code_list_entries e ON e.version = (SELECT code_list_version FROM fiscal_years WHERE year = $1) AND e.list = 'nomenclature' AND e.code = r.code
          UNION ALL
          SELECT DISTINCT r.organization_id, 'KEGIATAN', n.parent_code, 'Jumlah sub kegiatan terlaksana', 'Sub Kegiatan', 'LAST', 4::numeric
          FROM ds_rows r JOIN nomenclature n ON n.code = r.code
          UNION ALL
          SELECT DISTINCT r.organization_id, 'PROGRAM', k.parent_code, 'Persentase sasaran program tercapai', '%', 'LAST', 90::numeric
          FROM ds_rows r JOIN nomenclature n ON n.code = r.code JOIN nomenclature k ON k.code = n.parent_code
        ) x WHERE x.code IS NOT NULL
        ON CONFLICT ON CONSTRAINT monev_indicators_uq DO NOTHING`, [p.fiscalYear, p.plannerId]);
    },
  },
  {
    label: 'e-monev realisations (TW I-III)',
    run: async (m, p) => {
      await m.query(`
        INSERT INTO monev_realizations (indicator_id, quarter, value, evidence, status, reject_reason, entered_by, submitted_by, submitted_at, verified_by, verified_at)
        SELECT i.id, q, CASE i.aggregation WHEN 'SUM' THEN round(i.target * (70 + abs(hashtext(i.id::text || q)::bigint) % 40) / 400, 4)
                              ELSE round(i.quarterly_targets[q] * (60 + abs(hashtext(i.id::text || q)::bigint) % 41) / 100, 4) END,
          'bukti TW ' || q, st, CASE WHEN st = 'REJECTED' THEN 'bukti dukung belum lengkap' END, $3, $3, now(),
          CASE WHEN st IN ('VERIFIED', 'REJECTED') THEN $4::uuid END, CASE WHEN st IN ('VERIFIED', 'REJECTED') THEN now() END
        FROM monev_indicators i JOIN organizations o ON o.id = i.organization_id
        CROSS JOIN generate_series(1, 3) q
        CROSS JOIN LATERAL (SELECT CASE WHEN q = 3 OR $4::uuid IS NULL THEN 'SUBMITTED' WHEN q = 2 AND abs(hashtext(i.id::text)::bigint) % 7 = 0 THEN 'REJECTED' ELSE 'VERIFIED' END AS st) s
        WHERE i.fiscal_year = $1 AND o.code LIKE $2`, [p.fiscalYear, like(p), p.plannerId, p.monevVerifierId]);
      await m.query(`
        INSERT INTO monev_realization_events (realization_id, action, status, value, evidence, reason, actor_id)
        SELECT r.id, CASE r.status WHEN 'VERIFIED' THEN 'VERIFY' WHEN 'REJECTED' THEN 'REJECT' ELSE 'SUBMIT' END, r.status, r.value, r.evidence, r.reject_reason,
          COALESCE(r.verified_by, r.submitted_by)
        FROM monev_realizations r JOIN monev_indicators i ON i.id = r.indicator_id JOIN organizations o ON o.id = i.organization_id
        WHERE i.fiscal_year = $1 AND o.code LIKE $2`, [p.fiscalYear, like(p)]);
    },
  },
];
