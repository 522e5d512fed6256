import { bodyExample } from '@grms/core';
import { CreateBkuEntryDto } from './bku/dto/bku.dto';
import { CreateCashCountDto } from './cash-counts/dto/cash-count.dto';
import { ReasonDto } from './common/reason.dto';
import { CreateReceiptDto } from './receipts/dto/receipt.dto';
import { CreateSp2dDto } from './sp2d/dto/sp2d.dto';
import { CreateSpdDto, ReviseSpdDto } from './spd/dto/spd.dto';
import { CreateSpjDto } from './spj/dto/spj.dto';
import { CreateSpmDto } from './spm/dto/spm.dto';
import { CorrectSppDto, CreateSppDto } from './spp/dto/spp.dto';
import { CreateTaxDepositDto, DepositProofDto } from './tax-deposits/dto/tax-deposit.dto';
import { PutUpLimitDto } from './up-limits/dto/up-limit.dto';
import { CreateStsDto } from './sts/dto/sts.dto';
import { CreateFinancingRealizationDto, UpdateTreasurySettingsDto } from './treasury/dto/treasury.dto';

// Request-body examples of the e-penatausahaan routes (core's body-examples.ts).
const OPD = '0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3b4c5d';
const LINE = '6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const ADVANCE_SP2D = 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80';
const SUPPLIER = { name: 'CV Maju Jaya Semarang', npwp: '01.234.567.8-503.000', vatRegistered: true, bankName: 'Bank Jateng', bankAccount: '1234567890' };
bodyExample(CreateSpdDto, 'the second quarter of a line', { fiscalYear: 2026, organizationId: OPD, month: 4, lines: [{ budgetLineId: LINE, amount: '45000000.00' }] });
bodyExample(ReviseSpdDto, 'a smaller SPD after a budget shift', { lines: [{ budgetLineId: LINE, amount: '40000000.00' }], reason: 'pergeseran anggaran mengurangi pagu rekening ini' });
bodyExample(CreateSppDto, 'an LS payment of office supplies, PPh 22 withheld', {
  type: 'LS', organizationId: OPD, lines: [{ budgetLineId: LINE, amount: '11100000.00' }], payee: SUPPLIER, purpose: 'Pengadaan alat tulis kantor triwulan II',
  lsSubtype: 'GOODS_SERVICES', taxes: [{ code: 'PPH22' }],
});
bodyExample(CorrectSppDto, 'the supplier\'s account from its bank letter', { payee: { ...SUPPLIER, bankAccount: '1234567899' }, reason: 'nomor rekening sesuai surat keterangan Bank Jateng' });
bodyExample(CreateSpmDto, 'the order of a verified SPP', { sppId: 'e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8091' });
bodyExample(CreateSp2dDto, 'issued with the LS taxes deposited the same day', {
  spmId: 'f6a7b8c9-d0e1-4f2a-9b3c-5d6e7f809102', issuedOn: '2026-04-15', taxDeposits: [{ code: 'PPH22', billingCode: '820260400012345', ntpn: '0A1B2C3D4E5F6G7H' }],
});
bodyExample(CreateSpjDto, 'an advance accounted for by its receipts', { organizationId: OPD, advanceSp2dId: ADVANCE_SP2D, receiptIds: ['a7b8c9d0-e1f2-4a3b-8c4d-6e7f80910213'] });
bodyExample(CreateReceiptDto, 'paper bought in cash from the advance', {
  organizationId: OPD, advanceSp2dId: ADVANCE_SP2D, receiptDate: '2026-03-05', number: 'BKT-0007/2026', payee: { name: 'Toko Sumber Rejeki', npwp: '03.456.789.0-504.000' },
  budgetLineId: LINE, gross: '1100000.00', taxes: [{ code: 'PPH22' }], medium: 'CASH', officer: 'Budi Santoso (PPTK)', description: 'Pembelian kertas HVS A4 20 rim',
});
bodyExample(CreateBkuEntryDto, 'cash drawn from the bank for petty cash', {
  organizationId: OPD, entryDate: '2026-03-02', subLedger: 'BANK', direction: 'OUT', amount: '5000000.00', toSubLedger: 'CASH',
  description: 'pengambilan uang tunai untuk kas kecil', officer: 'Siti Rahayu (Bendahara Pengeluaran)',
});
bodyExample(CreateCashCountDto, 'the month-end cash count', { organizationId: OPD, countedOn: '2026-03-31', cashCounted: '2350000.00', bankStatement: '48650000.00', notes: 'sesuai rekening koran 31 Maret' });
bodyExample(CreateTaxDepositDto, 'PPh 21 withheld from honoraria, deposited', {
  billingCode: '820260300067890', ntpn: '1B2C3D4E5F6G7H8J', organizationId: OPD, taxCode: 'PPH21', amount: '750000.00', depositDate: '2026-03-10',
});
bodyExample(DepositProofDto, 'the proof of a deposit', { billingCode: '820260300067890', ntpn: '1B2C3D4E5F6G7H8J' });
bodyExample(PutUpLimitDto, 'the UP ceiling of an OPD', { amount: '250000000.00' });
bodyExample(ReasonDto, 'why the document goes back', { reason: 'kuitansi tidak sesuai dengan termin kontrak' });

// revenue, financing and the treasury (issue 8)
bodyExample(CreateStsDto, 'laboratory fees of a school deposited', {
  organizationId: OPD, depositDate: '2026-03-12', receivedOn: '2026-03-10', accountCode: '4.1.02.02.01.004', amount: '1250000.00',
  payer: 'SMA Negeri 1 Semarang', description: 'Retribusi pemakaian laboratorium Maret 2026',
});
bodyExample(UpdateTreasurySettingsDto, 'the cash check on (the default)', { cashCheck: true });
bodyExample(CreateFinancingRealizationDto, 'the previous year\'s surplus (SiLPA) realised', {
  budgetLineId: LINE, realizedOn: '2026-01-05', amount: '50000000000.00', description: 'SiLPA 2025 menurut LKPD audited',
});
