import { crc32, deflateRawSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

/** A zip of the given parts; `declare` may make the directory lie about a part's inflated size. */
function zip(parts: Record<string, string>, declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflateRawSync(raw);
    const n = Buffer.from(name, 'utf8');
    const size = declare[name] ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(raw), 16); dir.writeUInt32LE(data.length, 20); dir.writeUInt32LE(size, 24); dir.writeUInt16LE(n.length, 28); dir.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(dir, n);
    offset += 30 + n.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(parts).length, 8); end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(dirBytes.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** A minimal XLSX whose first sheet is `sheetData` (inline strings). */
function xlsx(sheetData: string, declare: Record<string, number> = {}): Buffer {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  }, declare);
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = ['code', 'name', 'specification', 'unit', 'price', 'category', 'accountCodes', 'ceiling'];
const row = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => cell(`${String.fromCharCode(65 + i)}${r}`, v)).join('')}</row>`;

// Spreadsheets are measured before they are read: too many inflated bytes or
// rows are refused with 413 SPREADSHEET_TOO_LARGE, whatever the zip claims.
describe('spreadsheet decompression bombs', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const upload = async (file: Buffer) => request(t.app.getHttpServer()).post('/api/v1/hsb/imports')
    .set('Authorization', `Bearer ${await t.token('price-admin')}`).field('fiscalYear', '2027').field('dryRun', 'true').attach('file', file, 'catalogue.xlsx');

  it('reads a small hand-made XLSX (the zip writer of this test is sound)', async () => {
    const ok = await upload(xlsx(row(1, HEADER) + row(2, ['T-001', 'Kertas HVS A4', '80 gram', 'Rim', '55000', 'SSH', '5.1.02.01.01.0024', 'ESTIMATE'])));
    expect(ok.status).toBe(200);
    expect(ok.body.rows).toBe(1);
  });

  it('refuses a 40 MB sheet packed into a small file, even when the zip directory claims it is tiny', async () => {
    const padding = ' '.repeat(40 * 1024 * 1024);
    const honest = xlsx(row(1, HEADER) + padding);
    expect(honest.length).toBeLessThan(200 * 1024);
    for (const file of [honest, xlsx(row(1, HEADER) + padding, { 'xl/worksheets/sheet1.xml': 1000 })]) {
      const res = await upload(file);
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('SPREADSHEET_TOO_LARGE');
      expect(res.body.errors[0].field).toBe('file');
      expect(res.body.detail).toContain('inflates to more than 33554432 bytes');
    }
    expect((await t.get('/health')).status).toBe(200);
  });

  it('refuses a sheet of more than 50,000 rows before reading it, and a CSV of as many', async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, 'x')}</row>`).join('');
    const res = await upload(xlsx(row(1, HEADER) + rows));
    expect(res.status).toBe(413);
    expect(res.body.detail).toContain('sheet1 has 50002 rows; at most 50000 are read');
    const csv = [HEADER.join(','), ...Array.from({ length: 50_001 }, (_, i) => `T-${i},x,x,Rim,1,SSH,5.1.02.01.01.024,ESTIMATE`)].join('\n');
    const asCsv = await request(t.app.getHttpServer()).post('/api/v1/hsb/imports')
      .set('Authorization', `Bearer ${await t.token('price-admin')}`).field('fiscalYear', '2027').field('dryRun', 'true').attach('file', Buffer.from(csv), 'catalogue.csv');
    expect(asCsv.status).toBe(413);
    expect(asCsv.body.code).toBe('SPREADSHEET_TOO_LARGE');
  });

  // The sheet is read row by row (decision 0056): shapes within the size and
  // row limits that would cost memory out of proportion are refused as read.
  it('refuses a header in a millionth column and XML nested 100,000 levels deep, and stays up', async () => {
    const wide = await upload(xlsx(`<row r="1">${cell('A1', 'code')}${cell('BDWGN1', 'x')}</row>`));
    expect(wide.status).toBe(413);
    expect(wide.body.code).toBe('SPREADSHEET_TOO_LARGE');
    expect(wide.body.errors[0].field).toBe('file');
    expect(wide.body.detail).toContain('at most 100 columns are read');
    const deep = await upload(xlsx(row(1, HEADER) + '<x>'.repeat(100_000) + '</x>'.repeat(100_000)));
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('UNREADABLE_FILE');
    expect(deep.body.detail).toContain('deeper than 64 levels');
    // a value far right of the header on every row is not kept: the rows read as the header's columns
    const far = Array.from({ length: 3 }, (_, i) => row(i + 2, ['T-00' + i, 'Kertas HVS A4', '80 gram', 'Rim', '55000', 'SSH', '5.1.02.01.01.0024', 'ESTIMATE']).replace('</row>', `${cell(`XFD${i + 2}`, 'junk')}</row>`)).join('');
    const ok = await upload(xlsx(row(1, HEADER) + far));
    expect(ok.status).toBe(200);
    expect(ok.body.rows).toBe(3);
    expect((await t.get('/health')).status).toBe(200);
  });
});
