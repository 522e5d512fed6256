import { bodyExample } from '@grms/core';
import { CreateFiscalYearDto, UpdateFiscalYearDto } from './fiscal-years/dto/fiscal-year.dto';
import { CloseLedgerPeriodDto } from './ledger/dto/ledger-period.dto';
import { CreateOrganizationDto } from './organizations/dto/organization.dto';
import { PutTaxRateDto } from './tax-rates/dto/tax-rate.dto';

// Request-body examples of the budget routes (core's body-examples.ts).
bodyExample(CreateFiscalYearDto, 'the next year, in planning on the current code lists', { year: 2028, status: 'PLANNING', codeListVersion: 'KMDN5889-2023' });
bodyExample(UpdateFiscalYearDto, 'the year goes into execution', { status: 'EXECUTION' });
bodyExample(CreateOrganizationDto, 'a provincial agency (OPD)', {
  code: '2.16.2.20.2.21.01.0000', name: 'Dinas Komunikasi dan Informatika Provinsi Jawa Tengah', shortName: 'Diskominfo', kind: 'OPD',
});
bodyExample(PutTaxRateDto, 'PPh 23 on services: 2% of the DPP, twice without NPWP', {
  name: 'PPh 23 atas jasa', rate: '2', base: 'DPP', minGross: '0.00', excludedAccounts: ['5.1.01'], requiresPkp: false, noNpwpSurcharge: '100',
});
bodyExample(CloseLedgerPeriodDto, 'March closed after the bank reconciliation', { reason: 'Maret direkonsiliasi dengan rekening koran Bank Jateng' });
