import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, CursorPage, DomainError, Money, Permission, TransactionService, normalizeNpwp } from '@grms/core';
import { listDocuments } from '../common/list-documents';
import { EntityManager } from 'typeorm';
import { loadOrgLines, nextNumber, requireDistinctLines, requireOneOpenYear, requireOrganizationExists, sumOf } from '../common/doc-lines';
import { PaymentKind, Qualification, TaxRatesService } from '@grms/budget';
import { storeTaxes } from '../taxes/store-taxes';
import { computeTaxes, resolveTaxes, TaxedPayment, TaxResult, TaxRule, asksPkpTax } from '../taxes/tax-calc';
import { ContractPayeeTaxes, ContractPaymentsService } from '@grms/e-delivery';
import { CreateSppDto, SppQueryDto, SppResponse } from './dto/spp.dto';
import { fetchSpp, SPP_SELECT } from './spp.queries';

export function taxesOf(p: TaxedPayment, rules: TaxRule[], vatRate: string): TaxResult {
  try {
    return computeTaxes(p, rules, vatRate);
  } catch (e) {
    if (e instanceof RangeError) throw DomainError.rule('TAXES_EXCEED_GROSS', `the taxes ${rules.map((r) => `${r.code} ${r.rate}%`).join(' + ')} exceed the gross ${p.gross}`, [{ field: 'taxes', message: 'above the gross' }]);
    throw e;
  }
}

/** The year's tax table and VAT rate, the rules picked for `codes`, and the taxes of the payment. */
export async function paymentTaxes(m: EntityManager, taxes: TaxRatesService, year: number, codes: string[], p: TaxedPayment): Promise<TaxResult> {
  const table = await taxes.rulesOf(m, year);
  const vatRate = table.find((t) => t.code === 'PPN')?.rate ?? '0';
  return taxesOf(p, resolveTaxes(codes, table, p, year), vatRate);
}

/**
 * A contract termin's payee is taxed as the contract's vendor is: VAT
 * registration and the qualification its certificates give on the SPP date
 * (docs/decisions/0410). The body may repeat them, not contradict them.
 */
export function contractPayee(dto: Pick<CreateSppDto, 'payee'>, v: ContractPayeeTaxes): { vatRegistered: boolean; qualification: Qualification } {
  if (dto.payee.vatRegistered !== undefined && dto.payee.vatRegistered !== v.vatRegistered) {
    throw DomainError.rule('PAYEE_TAXES_OF_VENDOR', `the contract's vendor ${v.name} is ${v.vatRegistered ? '' : 'not '}VAT-registered (PKP); the SPP says vatRegistered ${dto.payee.vatRegistered}`,
      [{ field: 'payee.vatRegistered', message: `the vendor's value is ${v.vatRegistered}` }]);
  }
  if (dto.payee.qualification !== undefined && dto.payee.qualification !== v.qualification) {
    throw DomainError.rule('PAYEE_TAXES_OF_VENDOR', `the contract's vendor ${v.name} is ${v.qualification} on ${v.onDate} by its construction certificates; the SPP says qualification ${dto.payee.qualification}`,
      [{ field: 'payee.qualification', message: `the vendor's value is ${v.qualification}` }]);
  }
  return { vatRegistered: v.vatRegistered, qualification: v.qualification };
}

export async function accountCodesOf(m: EntityManager, lineIds: string[]): Promise<string[]> {
  const rows: { code: string }[] = await m.query(`SELECT DISTINCT account_code AS code FROM budget_lines WHERE id = ANY($1::uuid[])`, [lineIds]);
  return rows.map((r) => r.code);
}

// SPP (payment request) by the OPD's treasurer: LS to a third party with
// taxes withheld, or an advance to the treasurer (UP, GU, TU). Created as a
// DRAFT; the availability check runs on submission (SppWorkflowService).
@Injectable()
export class SppService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly taxes: TaxRatesService, private readonly contracts: ContractPaymentsService) {}

  create(user: AuthUser, dto: CreateSppDto): Promise<SppResponse> {
    requireDistinctLines(dto.lines);
    const npwp = this.checkPayee(dto);
    const taxCodes = (dto.taxes ?? []).map((t) => t.code);
    if (dto.type !== 'LS' && taxCodes.length) {
      throw DomainError.invalid(`taxes are withheld on LS payments; a ${dto.type} advance withholds none (taxes on purchases from an advance are kept in the BKU tax sub-ledger)`, [{ field: 'taxes', message: `not allowed on ${dto.type}` }]);
    }
    if (dto.type !== 'GU' && dto.spjId) throw DomainError.invalid('spjId names the SPJ a GU replenishes; only GU takes it', [{ field: 'spjId', message: `not allowed on ${dto.type}` }]);
    if (dto.type === 'GU' && !dto.spjId) throw DomainError.invalid('a GU replenishes an approved SPJ: spjId is required', [{ field: 'spjId', message: 'required for GU' }]);
    if (dto.type !== 'LS' && dto.lsSubtype) throw DomainError.invalid('lsSubtype names the kind of an LS payment', [{ field: 'lsSubtype', message: `not allowed on ${dto.type}` }]);
    if (dto.type !== 'LS' && (dto.contractId || dto.terminNo)) throw DomainError.invalid('contract and termin apply to LS payments only', [{ field: 'contractId', message: `not allowed on ${dto.type}` }]);
    if ((dto.terminNo !== undefined) !== (dto.contractId !== undefined)) throw DomainError.invalid('contractId and terminNo go together', [{ field: 'terminNo', message: 'contractId and terminNo go together' }]);
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, dto.organizationId);
      await this.access.requireOrganization(user, Permission.SPP_WRITE, dto.organizationId, 'organization');
      const lines = await loadOrgLines(m, dto.lines.map((l) => l.budgetLineId), dto.organizationId);
      const year = requireOneOpenYear([...lines.values()]);
      if (dto.type === 'TU') {
        const subs = [...new Set([...lines.values()].map((l) => l.subActivityCode))];
        if (subs.length !== 1) throw DomainError.rule('TU_ONE_SUB_KEGIATAN', `a TU advance is for one sub kegiatan; the lines span ${subs.join(', ')}`, [{ field: 'lines', message: 'several sub kegiatan' }]);
      }
      const gross = sumOf(dto.lines);
      let payee = { vatRegistered: dto.payee.vatRegistered ?? false, qualification: dto.payee.qualification ?? null };
      // a termin's payee is taxed as its vendor (below); any other payee's unstated VAT registration follows the taxes asked
      if (!dto.contractId && dto.payee.vatRegistered === undefined && taxCodes.length) payee.vatRegistered = asksPkpTax(taxCodes, await this.taxes.rulesOf(m, year));
      if (dto.contractId) {
        await this.contracts.checkTerminPayment(m, { contractId: dto.contractId, terminNo: dto.terminNo!, organizationId: dto.organizationId, gross, lines: dto.lines, payee: { npwp, bankAccount: dto.payee.bankAccount } });
        const [live] = await m.query(`SELECT number FROM spp WHERE contract_id = $1 AND termin_no = $2 AND status NOT IN ('REJECTED', 'CANCELLED')`, [dto.contractId, dto.terminNo]);
        if (live) throw DomainError.conflict('TERMIN_IN_PAYMENT', `SPP ${live.number} already pays termin ${dto.terminNo} of this contract`);
        payee = contractPayee(dto, await this.contracts.payeeTaxAttributes(m, dto.contractId));
      }
      if (dto.type === 'GU') await this.checkGu(m, dto.spjId!, dto.organizationId, gross);
      const lsSubtype = dto.type === 'LS' ? dto.lsSubtype ?? 'GOODS_SERVICES' : null;
      const t = await paymentTaxes(m, this.taxes, year, taxCodes, {
        gross, paymentKind: lsSubtype ?? (dto.type as PaymentKind), accountCodes: await accountCodesOf(m, dto.lines.map((l) => l.budgetLineId)),
        payee: { hasNpwp: npwp !== null, ...payee },
      });
      const prefix = `SPP-${dto.type}`;
      const number = await nextNumber(m, prefix, dto.organizationId, year);
      const [{ id }] = await m.query(
        `INSERT INTO spp (number, type, fiscal_year, organization_id, gross, taxes_total, net, payee_name, payee_npwp, payee_bank_name, payee_bank_account,
           contract_id, termin_no, spj_id, created_by, dpp, purpose, ls_subtype, payee_vat_registered, payee_qualification)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
        [number, dto.type, year, dto.organizationId, gross.toString(), t.taxesTotal.toString(), t.net.toString(), dto.payee.name.trim(), npwp,
          dto.payee.bankName.trim(), dto.payee.bankAccount, dto.contractId ?? null, dto.terminNo ?? null, dto.spjId ?? null, user.id,
          t.dpp.toString(), dto.purpose?.trim() || null, lsSubtype, payee.vatRegistered, payee.qualification],
      );
      for (const l of dto.lines) await m.query(`INSERT INTO spp_lines (spp_id, budget_line_id, amount) VALUES ($1, $2, $3)`, [id, l.budgetLineId, Money.of(l.amount).toString()]);
      await storeTaxes(m, 'spp', id, t.taxes);
      const after = await fetchSpp(m, id);
      this.audit.record({ action: 'SPP.CREATE', entityType: 'Spp', entityId: id, after });
      return after;
    });
  }

  get(user: AuthUser, id: string): Promise<SppResponse> {
    return this.tx.run(async (m) => {
      const row = await fetchSpp(m, id);
      await this.access.requireOrganization(user, Permission.SPP_READ, row.organizationId, 'SPP', id);
      return row;
    });
  }

  async list(user: AuthUser, q: SppQueryDto): Promise<CursorPage<SppResponse>> {
    const scope = await this.access.scope(user, Permission.SPP_READ);
    return this.tx.run((m) => listDocuments<SppResponse>(m, { table: 'spp', alias: 's', select: SPP_SELECT, scope, q }));
  }

  private checkPayee(dto: CreateSppDto): string | null {
    // Without an NPWP the payment goes through; PPh 22 and PPh 23 are then withheld at the higher rate (docs/decisions/0220).
    if (dto.payee.npwp === undefined || dto.payee.npwp === '') return null;
    const npwp = normalizeNpwp(dto.payee.npwp);
    if (!npwp) throw DomainError.invalid(`NPWP ${dto.payee.npwp} is not 15 or 16 digits`, [{ field: 'payee.npwp', message: 'must be 15 or 16 digits' }], 'INVALID_NPWP');
    return npwp;
  }

  private async checkGu(m: EntityManager, spjId: string, organizationId: string, gross: Money): Promise<void> {
    const [spj] = await m.query(
      `SELECT j.id, j.status, j.organization_id, j.total::text, s.type AS advance_type,
         EXISTS (SELECT 1 FROM spp g WHERE g.spj_id = j.id AND g.status NOT IN ('REJECTED', 'CANCELLED')) AS replenished
       FROM spj j JOIN sp2d s ON s.id = j.advance_sp2d_id WHERE j.id = $1 FOR UPDATE OF j`, [spjId]);
    if (!spj || spj.organization_id !== organizationId) throw DomainError.notFound('SPJ', spjId);
    if (spj.status !== 'APPROVED') throw DomainError.rule('SPJ_NOT_APPROVED', `GU replenishes an approved SPJ; SPJ ${spjId} is ${spj.status}`, [{ field: 'spjId', message: 'not approved' }]);
    if (spj.advance_type === 'TU') throw DomainError.rule('GU_NOT_FOR_TU', 'a TU advance is closed by its SPJ (the rest is returned); it is not replenished by GU', [{ field: 'spjId', message: 'SPJ of a TU' }]);
    if (spj.replenished) throw DomainError.conflict('SPJ_ALREADY_REPLENISHED', `SPJ ${spjId} is already replenished by a GU`);
    if (gross.gt(Money.of(spj.total))) {
      throw DomainError.rule('GU_EXCEEDS_SPJ', `a GU replenishes at most what the SPJ accounted for: requested ${gross} > SPJ total ${Money.of(spj.total)}`, [{ field: 'lines', message: 'above the SPJ total' }]);
    }
  }
}
