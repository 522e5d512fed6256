import { DomainError } from '@grms/core';
import { DocumentKind } from './dto/document.dto';

// What each kind of budget document holds (docs/decisions/0120): the class of
// account (akun) its items use and what its approval posts to the ledger.
export const ACCOUNT_CLASS: Record<DocumentKind, { prefix: string; what: string }> = {
  EXPENDITURE: { prefix: '5.', what: 'expenditure (belanja, 5.*)' },
  REVENUE: { prefix: '4.', what: 'revenue (pendapatan, 4.*)' },
  FINANCING: { prefix: '6.', what: 'financing (pembiayaan, 6.*)' },
};

/** The kind of document an account belongs on, from its akun. */
export function kindOfAccount(accountCode: string): DocumentKind | null {
  const k = (Object.keys(ACCOUNT_CLASS) as DocumentKind[]).find((x) => accountCode.startsWith(ACCOUNT_CLASS[x].prefix));
  return k ?? null;
}

/** 422 ACCOUNT_NOT_FOR_DOCUMENT naming the code, the year's code-list version and the document's kind. */
export function requireAccountOfKind(kind: DocumentKind, accountCode: string, version: string, fiscalYear: number): void {
  if (accountCode.startsWith(ACCOUNT_CLASS[kind].prefix)) return;
  const actual = kindOfAccount(accountCode);
  const a = (w: string) => `${/^[aeiou]/i.test(w) ? 'an' : 'a'} ${w}`;
  const msg = `account ${accountCode} (code list version ${version} of fiscal year ${fiscalYear}) is ${a(actual ? ACCOUNT_CLASS[actual].what : 'non-budget')} account; `
    + `${a(kind)} budget document takes ${ACCOUNT_CLASS[kind].what} accounts only${actual ? `: put it on ${a(actual)} document` : ''}`;
  throw DomainError.rule('ACCOUNT_NOT_FOR_DOCUMENT', msg, [{ field: 'accountCode', message: msg }]);
}

// Financing is budgeted by the regional finance office (SKPKD: BPKAD), the
// organization of government affairs 5.02 (keuangan).
export const FINANCING_ORGANIZATION_PREFIX = '5.02.';

export function requireFinancingOrganization(kind: DocumentKind, org: { code: string; name: string }): void {
  if (kind !== 'FINANCING' || org.code.startsWith(FINANCING_ORGANIZATION_PREFIX)) return;
  const msg = `financing (6.*) is budgeted by the regional finance office (BPKAD, organization ${FINANCING_ORGANIZATION_PREFIX}*), not by ${org.name} (${org.code})`;
  throw DomainError.rule('FINANCING_OUTSIDE_BPKAD', msg, [{ field: 'kind', message: msg }]);
}
