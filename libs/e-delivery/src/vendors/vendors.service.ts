import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, offsetOf, Page, pageOf, SqlWhere, TransactionService, normalizeNpwp } from '@grms/core';
import { EntityManager } from 'typeorm';
import { CreateVendorDto, VendorQueryDto, VendorResponse } from './dto/vendor.dto';

const SELECT = `SELECT v.id, v.kind, v.name, v.npwp, v.business_id AS "businessId", v.vat_registered AS "vatRegistered", v.qualification,
  v.certificates, v.bank_accounts AS "bankAccounts", v.blacklisted, v.blacklist_ref AS "blacklistRef" FROM vendors v`;

// Vendors (penyedia) are province-wide: one per NPWP, with what the tax rules
// need (VAT registration, qualification, construction certificates).
@Injectable()
export class VendorsService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService) {}

  create(_user: AuthUser, dto: CreateVendorDto): Promise<VendorResponse> {
    const npwp = normalizeNpwp(dto.npwp);
    if (!npwp) throw DomainError.invalid(`NPWP ${dto.npwp} is not 15 or 16 digits`, [{ field: 'npwp', message: 'must be 15 or 16 digits' }], 'INVALID_NPWP');
    const accounts = dto.bankAccounts ?? (dto.bankName && dto.bankAccount ? [{ bankName: dto.bankName, bankAccount: dto.bankAccount }] : []);
    if (accounts.length === 0) throw DomainError.invalid('a vendor needs a bank account (bankName and bankAccount, or bankAccounts)', [{ field: 'bankAccounts', message: 'required' }]);
    if (dto.blacklisted && !dto.blacklistRef) throw DomainError.invalid('a blacklisted vendor names the decision', [{ field: 'blacklistRef', message: 'required when blacklisted' }]);
    for (const [i, c] of (dto.certificates ?? []).entries()) {
      if (c.validFrom > c.validUntil) throw DomainError.invalid('a certificate is valid from before it expires', [{ field: `certificates.${i}.validUntil`, message: 'before validFrom' }]);
    }
    return this.tx.run(async (m) => {
      const [dup] = await m.query(`SELECT id FROM vendors WHERE npwp = $1`, [npwp]);
      if (dup) throw DomainError.conflict('VENDOR_EXISTS', `a vendor with NPWP ${npwp} already exists (${dup.id})`);
      const [{ id }] = await m.query(
        `INSERT INTO vendors (kind, name, npwp, business_id, vat_registered, qualification, certificates, bank_accounts, blacklisted, blacklist_ref, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [dto.kind ?? 'COMPANY', dto.name.trim(), npwp, dto.businessId ?? null, dto.vatRegistered ?? false, dto.qualification ?? null, JSON.stringify(dto.certificates ?? []),
          JSON.stringify(accounts), dto.blacklisted ?? false, dto.blacklistRef ?? null, _user.id]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'VENDOR.CREATE', entityType: 'Vendor', entityId: id, after });
      return after;
    });
  }

  /** Records a blacklist decision (daftar hitam); a blacklisted vendor gets no new contract. */
  blacklist(_user: AuthUser, id: string, reference: string): Promise<VendorResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT id FROM vendors WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('vendor', id);
      const before = await this.fetch(m, id);
      if (before.blacklisted) throw DomainError.conflict('VENDOR_BLACKLISTED', `vendor ${before.name} is already blacklisted (${before.blacklistRef})`);
      await m.query(`UPDATE vendors SET blacklisted = true, blacklist_ref = $2 WHERE id = $1`, [id, reference.trim()]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'VENDOR.BLACKLIST', entityType: 'Vendor', entityId: id, before, after });
      return after;
    });
  }

  get(id: string): Promise<VendorResponse> {
    return this.tx.run((m) => this.fetch(m, id));
  }

  list(q: VendorQueryDto): Promise<Page<VendorResponse>> {
    return this.tx.run(async (m) => {
      const w = new SqlWhere().add(`(v.name ILIKE '%' || ? || '%' OR v.npwp LIKE '%' || ? || '%')`, q.q);
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM vendors v ${w.clause}`, w.params);
      const page = w.page(q.limit, offsetOf(q));
      return pageOf(await m.query(`${SELECT} ${w.clause} ORDER BY v.name, v.id ${page.sql}`, page.params), total, q);
    });
  }

  async fetch(m: EntityManager, id: string): Promise<VendorResponse> {
    const [row] = await m.query(`${SELECT} WHERE v.id = $1`, [id]);
    if (!row) throw DomainError.notFound('vendor', id);
    return row;
  }
}
