import { bodyExample } from '@grms/core';
import { PutCashPlanDto } from './cash-plans/dto/cash-plan.dto';
import { SetCeilingDto } from './ceilings/dto/ceiling.dto';
import { CreateDocumentItemDto, UpdateDocumentItemDto } from './documents/dto/document-item.dto';
import { CreateDocumentDto, RejectDocumentDto } from './documents/dto/document.dto';

// Request-body examples of the e-budgeting routes (core's body-examples.ts).
const OPD = '0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3b4c5d';
bodyExample(SetCeilingDto, 'the KUA-PPAS ceiling of an OPD for 2027', { fiscalYear: 2027, organizationId: OPD, amount: '1250000000.00' });
bodyExample(CreateDocumentDto, 'an RKA of a sub kegiatan for 2027', { fiscalYear: 2027, organizationId: OPD, subActivityCode: '1.01.02.1.01.0010', stage: 'MURNI' });
bodyExample(CreateDocumentItemDto, 'paper for twenty schools, priced from the catalogue', {
  accountCode: '5.1.02.01.01.0024', fundingSourceCode: '1.1.1.01', description: 'Kertas HVS A4 80 gram untuk 10 SMA Negeri di Kota Semarang',
  coefficients: [{ quantity: '10', unit: 'sekolah' }, { quantity: '20', unit: 'rim' }], unitPrice: '55000.00', vat: false,
});
bodyExample(UpdateDocumentItemDto, 'a lower unit price and two more schools', {
  coefficients: [{ quantity: '12', unit: 'sekolah' }, { quantity: '20', unit: 'rim' }], unitPrice: '52500.00', justification: 'harga e-katalog turun',
});
bodyExample(RejectDocumentDto, 'returned to the planner', { reason: 'harga satuan honorarium belum sesuai SBU 2027' });
bodyExample(PutCashPlanDto, 'twelve months summing to the appropriation', {
  months: ['0.00', '0.00', '15000000.00', '15000000.00', '15000000.00', '15000000.00', '15000000.00', '15000000.00', '15000000.00', '15000000.00', '15000000.00', '15000000.00'],
});
