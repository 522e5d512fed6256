import { bodyExample } from '@grms/core';
import { CreateContractDto } from './contracts/dto/contract.dto';
import { AddendumDto, HandoverDto, ProgressDto } from './progress/dto/progress.dto';
import { BlacklistDto, CreateVendorDto } from './vendors/dto/vendor.dto';

// Request-body examples of the e-delivery routes (core's body-examples.ts).
const LINE = '6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
bodyExample(CreateVendorDto, 'a small construction company of Kendal', {
  kind: 'COMPANY', name: 'CV Sumber Rejeki Kendal', npwp: '76.543.210.9-517.000', businessId: '9120004567812', vatRegistered: true, qualification: 'SMALL',
  certificates: [{ code: 'SBU-BG009', qualification: 'SMALL', validFrom: '2025-01-01', validUntil: '2028-01-01' }], bankName: 'Bank Jateng', bankAccount: '2034567891',
});
bodyExample(BlacklistDto, 'blacklisted by decision', { reference: 'SK Kepala Dinas PU Bina Marga Cipta Karya No. 027/451/2026' });
bodyExample(CreateContractDto, 'a construction contract with an advance and two termins', {
  packageId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', vendorId: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f', number: '027/SP/DISDIKBUD/2026', signedOn: '2026-04-01',
  documentType: 'AGREEMENT', contractType: 'LUMP_SUM', value: '450000000.00', startOrderDate: '2026-04-06', startDate: '2026-04-06', endDate: '2026-10-30',
  maintenanceDays: 180, advance: '90000000.00', performanceBond: '22500000.00', fundingLines: [{ budgetLineId: LINE, amount: '450000000.00' }],
  termins: [{ kind: 'PROGRESS', percent: '50', progressThreshold: '50' }, { kind: 'PROGRESS', percent: '50', progressThreshold: '100' }],
});
bodyExample(AddendumDto, 'more work: the value raised within +10%', { value: '495000000.00', reason: 'pekerjaan tambah: talud sisi timur', fundingLines: [{ budgetLineId: LINE, amount: '495000000.00' }] });
bodyExample(HandoverDto, 'provisional handover at 100% progress', { kind: 'PHO', date: '2026-10-28', number: 'BAST-PHO/027/2026' });
bodyExample(ProgressDto, 'a monthly progress report', { reportedOn: '2026-06-30', cumulativePercent: '42.50', note: 'pekerjaan struktur lantai 2 selesai', evidence: ['MC-03/2026', 'foto-progres-juni.zip'] });
