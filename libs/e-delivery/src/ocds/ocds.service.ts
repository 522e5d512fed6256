import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthUser, Permission, snapshotPages, spreadsheetDecimal, SqlWhere, streamJson } from '@grms/core';
import { DataSource } from 'typeorm';

const OCID_PREFIX = 'ocds-grms01';
const METHOD: Record<string, string> = {
  TENDER: 'open', FAST_TENDER: 'open', SELECTION: 'selective', DIRECT_PROCUREMENT: 'limited', E_PURCHASING: 'limited',
  DIRECT_APPOINTMENT: 'direct', EXEMPT: 'direct', SELF_MANAGED: 'direct',
};
const CATEGORY: Record<string, string> = { GOODS: 'goods', CONSTRUCTION: 'works', INTEGRATED: 'works', CONSULTANCY: 'services', OTHER_SERVICES: 'services' };
const CONTRACT_STATUS: Record<string, string> = { DRAFT: 'pending', SIGNED: 'active', HANDED_OVER: 'active', COMPLETED: 'terminated', TERMINATED: 'terminated', CLOSED: 'terminated' };

// OCDS amounts are JSON numbers (the standard's type). A numeric(20,2) below
// 10^13 has at most 15 significant digits, so the double prints back as the
// same decimal; spreadsheetDecimal returns a number only when that holds.
const amount = (v: string) => ({ amount: spreadsheetDecimal(v), currency: 'IDR' });

interface Row {
  id: string; code: string; name: string; description: string | null; type: string; method: string; value: string; status: string; rup_code: string | null;
  org_id: string; org_code: string; org_name: string; procurement_start: string; procurement_end: string; updated_at: string;
  budget: { id: string; description: string; amount: string }[];
  contracts: {
    id: string; number: string; status: string; value: string; signed_on: string; start_date: string; end_date: string; vendor_id: string; vendor_name: string; vendor_npwp: string;
    pho_date: string | null; fho_date: string | null;
    termins: { no: number; kind: string; amount: string; payable: string; threshold: string; sp2d: string | null }[];
    addenda: { no: number; date: string; reason: string; kind: string }[];
  }[] | null;
}

/** Releases per page: a release with its contracts is a few kB of JSON, so a page is a few MB at most. */
const RELEASES_PER_PAGE = 500;

/** A package's release facts: its budget lines and its contracts (with termins and approved addenda) as JSON. */
const RELEASE_SELECT = `
      SELECT p.id, p.code, p.name, p.description, p.type, p.method, p.value::text, p.status, p.rup_code, o.id AS org_id, o.code AS org_code, o.name AS org_name,
         to_char(p.procurement_start, 'YYYY-MM-DD') AS procurement_start, to_char(p.procurement_end, 'YYYY-MM-DD') AS procurement_end,
         to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
         (SELECT json_agg(json_build_object('id', b.id, 'description', b.sub_activity_code || ' / ' || b.account_code || ' / ' || b.funding_source_code, 'amount', f.amount::text))
            FROM package_funding f JOIN budget_lines b ON b.id = f.budget_line_id WHERE f.package_id = p.id) AS budget,
         (SELECT json_agg(json_build_object('id', c.id, 'number', c.number, 'status', c.status, 'value', c.value::text, 'signed_on', to_char(c.signed_on, 'YYYY-MM-DD'),
             'start_date', to_char(c.start_date, 'YYYY-MM-DD'), 'end_date', to_char(c.end_date, 'YYYY-MM-DD'), 'vendor_id', v.id, 'vendor_name', v.name, 'vendor_npwp', v.npwp,
             'pho_date', to_char(c.pho_date, 'YYYY-MM-DD'), 'fho_date', to_char(c.fho_date, 'YYYY-MM-DD'),
             'termins', (SELECT json_agg(json_build_object('no', t.termin_no, 'kind', t.kind, 'amount', t.amount::text,
                 'payable', (t.amount - t.advance_recovery - t.retention_held - t.penalty)::numeric(20,2)::text, 'threshold', t.progress_threshold::text, 'sp2d', t.paid_sp2d_number) ORDER BY t.termin_no)
               FROM contract_termins t WHERE t.contract_id = c.id),
             'addenda', (SELECT json_agg(json_build_object('no', a.addendum_no, 'date', to_char(a.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'reason', a.reason, 'kind', a.kind) ORDER BY a.addendum_no)
               FROM contract_addenda a WHERE a.contract_id = c.id AND a.status = 'APPROVED')) ORDER BY c.number)
            FROM contracts c JOIN vendors v ON v.id = c.vendor_id WHERE c.package_id = p.id AND c.status NOT IN ('DRAFT','CANCELLED')) AS contracts
       FROM packages p JOIN organizations o ON o.id = p.organization_id`;

// The open-data view of a year's procurement: one OCDS 1.1 release per
// package (planning from the package and its budget lines, tender method,
// awards and contracts, amendments, termins and handovers as milestones,
// SP2D payments as implementation transactions).
@Injectable()
export class OcdsService {
  constructor(private readonly access: AccessService, @InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The release package, written as it is read: the packages in code order,
   * in keyset pages of one read-only snapshot, each page's releases out before
   * the next is read, so memory holds a page, never the year's releases (the
   * bytes are those of the whole package as one JSON text).
   */
  async releasePackage(user: AuthUser, q: { fiscalYear: number; organizationId?: string }): Promise<StreamableFile> {
    const scope = await this.access.scope(user, Permission.CONTRACT_READ);
    const head = {
      uri: `urn:grms:ocds:${q.fiscalYear}${q.organizationId ? `:${q.organizationId}` : ''}`,
      version: '1.1',
      publishedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      publisher: { name: 'GRMS — Pemerintah Provinsi Jawa Tengah' },
      license: 'https://creativecommons.org/licenses/by/4.0/',
      publicationPolicy: 'https://github.com/grms/grms/blob/main/docs/modules/e-delivery.md',
    };
    const pages = snapshotPages<Row>(this.ds, (m, last, limit) => {
      const w = new SqlWhere().scope('p.organization_id', scope).add('p.fiscal_year = ?', q.fiscalYear).add('p.organization_id = ?', q.organizationId).add('p.code > ?', last?.code);
      return m.query(`${RELEASE_SELECT} ${w.clause} AND p.status NOT IN ('DRAFT','SUBMITTED') ORDER BY p.code LIMIT ${limit}`, w.params);
    }, RELEASES_PER_PAGE);
    return streamJson(head, 'releases', pages, (r) => this.release(r));
  }

  private release(r: Row): Record<string, unknown> {
    const contracts = r.contracts ?? [];
    const buyer = { id: `ORG-${r.org_code}`, name: r.org_name };
    const suppliers = [...new Map(contracts.map((c) => [c.vendor_id, { id: `NPWP-${c.vendor_npwp}`, name: c.vendor_name }])).values()];
    const tag = ['planning', ...(r.rup_code ? ['tender'] : []), ...(contracts.length ? ['award', 'contract'] : []),
      ...(contracts.some((c) => c.termins?.some((t) => t.sp2d)) ? ['implementation'] : [])];
    return {
      ocid: `${OCID_PREFIX}-${r.code.replace(/\//g, '-')}`,
      id: `${r.code.replace(/\//g, '-')}-${r.updated_at}`,
      date: r.updated_at,
      tag,
      initiationType: 'tender',
      language: 'id',
      parties: [
        { ...buyer, roles: ['buyer', 'procuringEntity', 'payer'] },
        ...suppliers.map((s) => ({ ...s, identifier: { scheme: 'ID-NPWP', id: s.id.replace('NPWP-', '') }, roles: ['supplier', 'payee'] })),
      ],
      buyer,
      planning: {
        budget: { id: r.code, description: (r.budget ?? []).map((b) => `${b.description}: ${b.amount}`).join('; '), amount: amount(r.value), project: r.name, projectID: r.code },
      },
      tender: {
        id: r.rup_code ?? r.code, title: r.name, description: r.description ?? undefined, status: r.status === 'CANCELLED' ? 'cancelled' : contracts.length ? 'complete' : r.rup_code ? 'planned' : 'planning',
        procurementMethod: METHOD[r.method] ?? 'direct', procurementMethodDetails: r.method, mainProcurementCategory: CATEGORY[r.type] ?? 'services',
        value: amount(r.value), tenderPeriod: { startDate: `${r.procurement_start}T00:00:00Z`, endDate: `${r.procurement_end}T23:59:59Z` },
        procuringEntity: buyer,
      },
      awards: contracts.map((c) => ({ id: `AWD-${c.id}`, title: c.number, status: 'active', date: `${c.signed_on}T00:00:00Z`, value: amount(c.value), suppliers: [{ id: `NPWP-${c.vendor_npwp}`, name: c.vendor_name }] })),
      contracts: contracts.map((c) => ({
        id: c.id, awardID: `AWD-${c.id}`, title: c.number, status: CONTRACT_STATUS[c.status] ?? 'active', value: amount(c.value), dateSigned: `${c.signed_on}T00:00:00Z`,
        period: { startDate: `${c.start_date}T00:00:00Z`, endDate: `${c.end_date}T23:59:59Z` },
        amendments: (c.addenda ?? []).map((a) => ({ id: `ADD-${a.no}`, date: a.date, rationale: a.reason, description: a.kind })),
        milestones: [
          ...(c.termins ?? []).map((t) => ({
            id: `TERMIN-${t.no}`, title: `Termin ${t.no} (${t.kind})`, type: 'payment', status: t.sp2d ? 'met' : 'scheduled',
            description: `payable ${t.payable} at ${t.threshold}% progress`, value: amount(t.payable),
          })),
          { id: 'PHO', title: 'Provisional handover (PHO)', type: 'delivery', status: c.pho_date ? 'met' : 'scheduled', ...(c.pho_date ? { dateMet: `${c.pho_date}T00:00:00Z` } : { dueDate: `${c.end_date}T23:59:59Z` }) },
          { id: 'FHO', title: 'Final handover (FHO)', type: 'delivery', status: c.fho_date ? 'met' : 'scheduled', ...(c.fho_date ? { dateMet: `${c.fho_date}T00:00:00Z` } : {}) },
        ],
        implementation: {
          transactions: (c.termins ?? []).filter((t) => t.sp2d).map((t) => ({
            id: t.sp2d!, source: `urn:grms:sp2d:${t.sp2d}`, value: amount(t.payable),
            payer: buyer, payee: { id: `NPWP-${c.vendor_npwp}`, name: c.vendor_name },
          })),
        },
      })),
    };
  }
}
