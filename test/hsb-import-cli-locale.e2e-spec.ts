import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(300_000);

// `grms hsb:import --locale id` reads a price list written by an Indonesian
// spreadsheet (1.250.000,50; semicolons) as the HTTP import does with
// locale=id (decision 0414); without it the default profile reads `en` and
// refuses the file, naming the reading.
describe('grms hsb:import --locale', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'grms-hsb-cli-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports an Indonesian-formatted CSV with --locale id and reads the prices back exactly', async () => {
    const file = join(dir, 'harga-2027.csv');
    writeFileSync(file, ['code;name;specification;unit;price;category;accountCodes;ceiling',
      'CLI-001;Meja rapat kayu jati;200 x 100 cm;Unit;1.250.000,50;SSH;5.1.02.01.01.0024;ESTIMATE',
      'CLI-002;Kertas HVS A4 80 gram;500 lembar;Rim;160.000,00;SSH;5.1.02.01.01.0024;ESTIMATE',
      'CLI-003;Pulpen tinta gel;0,5 mm;Buah;3.500;SSH;5.1.02.01.01.0024;ESTIMATE'].join('\r\n'));

    // the default profile reads en: the file is refused, nothing written, the message names locale=id
    const en = await runCli(t.ownerUrl, ['hsb:import', file, '--fiscal-year', '2027']);
    expect(en.code).toBe(1);
    expect(en.out).toContain('IMPORT_INVALID_ROWS');
    expect(en.out).toContain('"1.250.000,50" is written as locale=id would write 1250000.50');
    expect(await t.sql(`SELECT 1 FROM hsb_items WHERE code LIKE 'CLI-%'`)).toEqual([]);

    const id = await runCli(t.ownerUrl, ['hsb:import', file, '--fiscal-year', '2027', '--locale', 'id']);
    expect(id.out).toContain('3 rows: 3 imported');
    expect(id.code).toBe(0);
    const prices = await t.sql<{ code: string; price: string }>(`SELECT code, price::text AS price FROM hsb_items WHERE code LIKE 'CLI-%' ORDER BY code`);
    expect(prices).toEqual([
      { code: 'CLI-001', price: '1250000.50' },
      { code: 'CLI-002', price: '160000.00' },
      { code: 'CLI-003', price: '3500.00' },
    ]);
  });
});
