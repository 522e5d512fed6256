// The code lists of the shared budget-line model and how their codes are
// shaped. Levels follow from the number of dot-separated segments.
export type CodeListName = 'nomenclature' | 'accounts' | 'funding_sources' | 'functions';

export interface CodeListSpec {
  table: CodeListName;
  file: string;
  levelNames: string[];
  /** segment count -> level */
  levelOf(code: string): number | null;
  /** the parent's code as the code list defines it */
  parentOf(code: string): string | null;
  /** pattern a code must match */
  pattern: RegExp;
}

const dropLast = (code: string, n = 1) => {
  const s = code.split('.');
  return s.length > n ? s.slice(0, s.length - n).join('.') : null;
};

export const NOMENCLATURE: CodeListSpec = {
  table: 'nomenclature',
  file: 'nomenclature_provinsi.csv',
  levelNames: ['URUSAN', 'BIDANG', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN'],
  // urusan u, bidang u.bb, program u.bb.pp, kegiatan u.bb.pp.k.kk, sub kegiatan u.bb.pp.k.kk.ssss
  pattern: /^[0-9X](\.([0-9]{2}|XX)(\.[0-9]{2}(\.[0-9]\.[0-9]{2}(\.([0-9]{2}|[0-9]{4}))?)?)?)?$/,
  levelOf: (code) => ({ 1: 1, 2: 2, 3: 3, 5: 4, 6: 5 } as Record<number, number>)[code.split('.').length] ?? null,
  parentOf: (code) => {
    const n = code.split('.').length;
    return n === 5 ? dropLast(code, 2) : dropLast(code);
  },
};

export const ACCOUNTS: CodeListSpec = {
  table: 'accounts',
  file: 'lra_accounts.csv',
  levelNames: ['AKUN', 'KELOMPOK', 'JENIS', 'OBJEK', 'RINCIAN_OBJEK', 'SUB_RINCIAN_OBJEK'],
  // akun 5 . kelompok 5.1 . jenis 5.1.02 . objek 5.1.02.01 . rincian 5.1.02.01.01 . sub rincian 5.1.02.01.01.0024
  pattern: /^[4-6](\.[0-9](\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{3,4})?)?)?)?)?$/,
  levelOf: (code) => { const n = code.split('.').length; return n >= 1 && n <= 6 ? n : null; },
  parentOf: (code) => dropLast(code),
};

export const FUNDING_SOURCES: CodeListSpec = {
  table: 'funding_sources',
  file: 'funding_sources.csv',
  levelNames: ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6'],
  pattern: /^[0-9](\.[0-9](\.[0-9](\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{2})?)?)?)?)?$/,
  levelOf: (code) => { const n = code.split('.').length; return n >= 1 && n <= 6 ? n : null; },
  parentOf: (code) => dropLast(code),
};

export const FUNCTIONS: CodeListSpec = {
  table: 'functions',
  file: 'functions.csv',
  levelNames: ['FUNGSI', 'SUBFUNGSI'],
  pattern: /^[0-9]{2}(\.[0-9]{2})?$/,
  levelOf: (code) => { const n = code.split('.').length; return n <= 2 ? n : null; },
  parentOf: (code) => dropLast(code),
};

export const CODE_LISTS = [NOMENCLATURE, ACCOUNTS, FUNDING_SOURCES, FUNCTIONS];

/** The code lists that belong to a code-list version (functions are not versioned). */
export type VersionedList = 'accounts' | 'nomenclature' | 'funding_sources';
export const VERSIONED_LISTS: VersionedList[] = ['nomenclature', 'accounts', 'funding_sources'];
export const SPEC_OF: Record<VersionedList, CodeListSpec> = { nomenclature: NOMENCLATURE, accounts: ACCOUNTS, funding_sources: FUNDING_SOURCES };

/** One CSV feeding a list of a version; `codes` keeps only the rows whose code matches. */
export interface VersionSource { file: string; codes?: string; why?: string }

/** `version.json` of a folder under data/reference: one code-list version. */
export interface VersionManifest {
  id: string;
  seq: number;
  name: string;
  regulation: string;
  lists: Record<VersionedList, VersionSource[]>;
  crosswalks: { list: VersionedList; from: string; file: string; fromColumn: string; toColumn: string }[];
}

/** A code of the 6th account level in the city/SIPD-RI print form `5.1.02.01.001.00024` to the regulation's `5.1.02.01.01.0024`. */
export function unpadAccountCode(code: string): string | null {
  const m = /^(\d)\.(\d)\.(\d{2})\.(\d{2})\.0(\d{2})\.0(\d{4})$/.exec(code.replace(/\s+/g, ''));
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}.${m[5]}.${m[6]}` : null;
}
