import fc from 'fast-check';
import { Money } from '@grms/core';
import { cleanText } from '../items/hsb-item.types';
import { accountCandidates, DEFAULT_PROFILE, fixedTwo, KOTA_MALANG_SSH_PROFILE, mapCityAccountCode, MapContext, parsePrice, priceText, ReadContext, resolveColumns, splitCodes } from './import-profiles';

// Leaves of the current chart (Kepmendagri 050-5889/2021), with the crosswalk from Permendagri 90/2019.
const LEAVES = new Set(['5.1.02.01.01.0024', '5.1.02.01.01.0025', '5.1.02.01.01.0034', '5.2.02.07.01.0002', '5.1.02.02.01.0003']);
const CROSSWALK = new Map([['5.2.02.07.01.002', '5.2.02.07.01.0002'], ['5.1.02.01.01', '5.1.02.01.01']]);
const ctx = (leaves = LEAVES): MapContext => ({ leaves, crosswalk: CROSSWALK });
const read: ReadContext = { options: {}, locale: 'en', header: (f) => f };

describe('city account code mapping', () => {
  it('reads 5.1.02.01.001.00024 (one extra zero in each of the last two segments) as 5.1.02.01.01.0024', () => {
    expect(mapCityAccountCode('5.1.02.01.001.00024', ctx())).toBe('5.1.02.01.01.0024');
    expect(mapCityAccountCode('5.2.02.07.001.00002', ctx())).toBe('5.2.02.07.01.0002');
    expect(mapCityAccountCode(' 5.1.02.01.001.00025 ', ctx())).toBe('5.1.02.01.01.0025');
  });

  it('never trims digits into another account: the 2019-style 3-digit reading is not tried', () => {
    // 5.1.02.01.01.024 was "disaster relief consumables" in the 2019 chart; it must not be reached from 00024.
    expect(mapCityAccountCode('5.1.02.01.001.00024', ctx(new Set(['5.1.02.01.01.024'])))).toBeNull();
  });

  it('maps an older code through the crosswalk, and only onto a leaf of the version', () => {
    expect(mapCityAccountCode('5.2.02.07.01.002', ctx())).toBe('5.2.02.07.01.0002');
    expect(mapCityAccountCode('5.1.02.01.01', ctx())).toBeNull();
  });

  it('maps nothing it cannot prove: missing leaf, digits that would be dropped, other shapes', () => {
    expect(mapCityAccountCode('5.1.02.90.001.00001', ctx())).toBeNull();
    expect(mapCityAccountCode('5.1.02.01.101.00024', ctx())).toBeNull();
    expect(mapCityAccountCode('5.1.02.01.001.10024', ctx())).toBeNull();
    expect(mapCityAccountCode('5.1.02.01', ctx())).toBeNull();
    expect(mapCityAccountCode('', ctx())).toBeNull();
  });

  it('codes of the version pass through', () => {
    expect(mapCityAccountCode('5.1.02.01.01.0024', ctx())).toBe('5.1.02.01.01.0024');
  });
});

describe('kota-malang-ssh profile', () => {
  const row = (over: Record<string, string> = {}) => ({ code: '1.1.12.01.03.0001.1', name: ' Kertas\nHVS  A4 ', specification: '-', unit: ' Rim', price: '55000', accountCodes: '5.1.02.01.001.00024', ...over });

  it('cleans line breaks and stray spaces, drops "-" specifications, defaults SSH/ESTIMATE', () => {
    const out = KOTA_MALANG_SSH_PROFILE.read(row(), read);
    expect(out.errors).toEqual([]);
    expect(out.draft).toMatchObject({ name: 'Kertas HVS A4', specification: '', unit: 'Rim', category: 'SSH', ceiling: 'ESTIMATE' });
    expect(out.draft!.price.toString()).toBe('55000.00');
    expect(out.accounts).toEqual(['5.1.02.01.001.00024']);
  });

  it('lists every code of a multi-account cell, each with the leaves it may stand for', () => {
    const out = KOTA_MALANG_SSH_PROFILE.read(row({ accountCodes: '5.1.02.01.001.00024,\n5.1.02.01.001.00034' }), read);
    expect(out.errors).toEqual([]);
    expect(out.accounts).toEqual(['5.1.02.01.001.00024', '5.1.02.01.001.00034']);
    expect(accountCandidates('city', ' 5.1.02.01.001.00024 ')).toEqual(['5.1.02.01.001.00024', '5.1.02.01.01.0024']);
    expect(accountCandidates('city', '5.1.02.01.01.0024')).toEqual(['5.1.02.01.01.0024']);
    expect(accountCandidates('exact', '5.1.02.01.001.00024')).toEqual(['5.1.02.01.001.00024']);
  });

  it('refuses a row with no account and a bad price', () => {
    expect(KOTA_MALANG_SSH_PROFILE.read(row({ accountCodes: '  ' }), read).errors).toEqual([{ field: 'accountCodes', message: 'no account code: an item needs at least one' }]);
    const bad = KOTA_MALANG_SSH_PROFILE.read(row({ price: '55.000,00' }), read);
    expect(bad.errors[0].field).toBe('price');
    expect(bad.draft).toBeUndefined();
    expect(bad.accounts).toEqual(['5.1.02.01.001.00024']);
  });
});

describe('default profile', () => {
  it('reads category and ceiling from the enums and lists the accounts as written', () => {
    const base = { code: 'X-1', name: 'Pulpen', unit: 'Buah', price: '3500', category: 'ssh', ceiling: 'estimate', accountCodes: '5.1.02.01.01.0024;5.1.02.02.01.0003' };
    const ok = DEFAULT_PROFILE.read(base, read);
    expect(ok.draft).toMatchObject({ category: 'SSH', ceiling: 'ESTIMATE' });
    expect(ok.accounts).toEqual(['5.1.02.01.01.0024', '5.1.02.02.01.0003']);
    const bad = DEFAULT_PROFILE.read({ ...base, category: 'XYZ', accountCodes: '' }, read);
    expect(bad.errors.map((e) => e.field)).toEqual(['category', 'accountCodes']);
  });
});

describe('columns and cells', () => {
  it('finds columns by header name, ignoring case, spaces and punctuation', () => {
    const r = resolveColumns(KOTA_MALANG_SSH_PROFILE, ['ID STANDAR HARGA', 'kode barang', 'Uraian Barang', 'SPESIFIKASI', 'Satuan', 'harga_satuan', 'KODE REKENING']);
    expect(r.missing).toEqual([]);
    expect(r.index).toMatchObject({ code: 1, name: 2, price: 5, accountCodes: 6 });
    expect(resolveColumns(DEFAULT_PROFILE, ['code', 'name']).missing).toEqual(['unit', 'price', 'category', 'accountCodes', 'ceiling']);
  });

  it('reads prices and code lists strictly', () => {
    const price = (s: string, locale: 'en' | 'id' = 'en') => { const r = parsePrice(s, locale); return 'price' in r ? r.price.toString() : null; };
    expect(price(' 40800 ')).toBe('40800.00');
    expect(price('40800.5')).toBe('40800.50');
    expect(price('40.800,5', 'id')).toBe('40800.50');
    expect(price('40800.5', 'id')).toBeNull();
    expect(price('-1')).toBeNull();
    expect(price('1e5')).toBeNull();
    expect(splitCodes('a, b;\nc', /[,;\n]/)).toEqual(['a', 'b', 'c']);
  });
});

// issue 11, decision 0112: the import stages a price as text, written without Decimal
describe('price text of the import', () => {
  it('writes every amount a cell can read exactly as Money does', () => {
    const amount = fc.tuple(fc.stringMatching(/^[0-9]{1,18}$/), fc.option(fc.stringMatching(/^[0-9]{1,2}$/), { nil: undefined }))
      .map(([whole, cents]) => (cents === undefined ? whole : `${whole}.${cents}`));
    fc.assert(fc.property(amount, (a) => expect(fixedTwo(a)).toBe(Money.of(a).toString())), { numRuns: 2000 });
    expect(fixedTwo('000')).toBe('0.00');
    expect(fixedTwo('0070.5')).toBe('70.50');
  });

  it('reads a price cell as parsePrice does, under both locales', () => {
    const cell = fc.oneof(fc.stringMatching(/^[0-9., ]{1,16}$/), fc.stringMatching(/^(Rp)?[0-9]{1,3}([.,][0-9]{3}){0,4}([.,][0-9]{1,2})?$/));
    fc.assert(fc.property(cell, fc.constantFrom<'en' | 'id'>('en', 'id'), (c, locale) => {
      const money = parsePrice(c, locale);
      const text = priceText(c, locale);
      expect('price' in text ? text.price : text).toEqual('price' in money ? money.price.toString() : money);
    }), { numRuns: 3000 });
  });

  it('cleans text as one replace of every whitespace run does', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', 'x y'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (s) => expect(cleanText(s)).toBe(s.replace(/\s+/g, ' ').trim())), { numRuns: 3000 });
  });
});
