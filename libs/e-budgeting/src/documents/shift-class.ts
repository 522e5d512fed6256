import { DomainError } from '@grms/core';

export type ShiftClass = 'WITHIN_OBJEK' | 'BETWEEN_OBJEK';

/** Who approves each kind of budget document (DOMAIN.md, e-budgeting 7). */
export const SHIFT_APPROVER: Record<ShiftClass, string> = {
  WITHIN_OBJEK: 'REGIONAL_FINANCE_HEAD',
  BETWEEN_OBJEK: 'REGIONAL_SECRETARY',
};

const prefix = (code: string, segments: number) => code.split('.').slice(0, segments).join('.');
// account segments: akun 5 . kelompok 5.1 . jenis 5.1.02 . objek 5.1.02.01 . rincian objek . sub rincian objek
const JENIS = 3;
const OBJEK = 4;

// A PERGESERAN is classified by the accounts whose amount it changes (a
// PERGESERAN stays within one sub kegiatan of one OPD, so the accounts are
// what can differ): all within one objek -> the regional finance head (PPKD);
// between objek of one jenis -> the regional secretary; anything wider is a
// budget amendment (PERUBAHAN), refused as a shift.
export function classifyShift(changedAccounts: string[]): ShiftClass {
  const accounts = [...new Set(changedAccounts)].sort();
  const objek = [...new Set(accounts.map((a) => prefix(a, OBJEK)))];
  if (objek.length <= 1) return 'WITHIN_OBJEK';
  const jenis = [...new Set(accounts.map((a) => prefix(a, JENIS)))];
  if (jenis.length === 1) return 'BETWEEN_OBJEK';
  throw DomainError.rule('SHIFT_IS_AMENDMENT',
    `this PERGESERAN moves money between jenis ${jenis.join(' and ')} (accounts ${accounts.join(', ')}); a shift stays within one jenis `
    + '(within one objek: the regional finance head approves; between objek of one jenis: the regional secretary). '
    + 'Moving money between jenis, kelompok, sub kegiatan, programs or OPDs is a budget amendment: make it a PERUBAHAN',
    [{ field: 'stage', message: 'between jenis: use PERUBAHAN' }]);
}
