import { bodyExample } from '@grms/core';
import { CreatePackageDto, PackagePlanDto, RevisePackageDto } from './packages/dto/package.dto';
import { PackageReasonDto } from './packages/packages.controller';
import { PutThresholdDto } from './thresholds/dto/threshold.dto';

// Request-body examples of the e-project planning routes (core's body-examples.ts).
const body = {
  name: 'Rehabilitasi ruang kelas SMA Negeri 1 Semarang', description: 'rehabilitasi 6 ruang kelas lantai 2', volume: '6', unit: 'ruang',
  locations: [{ regionCode: '33.74', detail: 'SMA Negeri 1 Semarang, Jl. Taman Menteri Supeno 1', latitude: -6.9932, longitude: 110.4203 }],
  type: 'CONSTRUCTION' as const, method: 'TENDER' as const, value: '450000000.00', domesticProduct: true, smallBusiness: false,
  fundingLines: [{ budgetLineId: '6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d', amount: '450000000.00' }],
  procurementStart: '2026-02-02', procurementEnd: '2026-03-31', executionStart: '2026-04-06', executionEnd: '2026-10-30',
};
bodyExample(CreatePackageDto, 'a construction package on one DPA line', {
  ...body, fiscalYear: 2026, organizationId: '0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3b4c5d', subActivityCode: '1.01.02.1.01.0010',
});
bodyExample(RevisePackageDto, 'after announcement: a new version with its reason', { ...body, value: '430000000.00', fundingLines: [{ ...body.fundingLines[0], amount: '430000000.00' }], reason: 'HPS dikoreksi setelah reviu APIP' });
bodyExample(PackagePlanDto, 'the S-curve and the payments of the package', {
  physical: ['0', '0', '0', '10', '25', '40', '55', '70', '85', '100', '100', '100'],
  financial: ['0.00', '0.00', '0.00', '90000000.00', '0.00', '0.00', '180000000.00', '0.00', '0.00', '157500000.00', '0.00', '22500000.00'],
});
bodyExample(PackageReasonDto, 'why the package is returned or cancelled', { reason: 'kebutuhan digabung dengan paket rehabilitasi SMA Negeri 3 Semarang' });
bodyExample(PutThresholdDto, 'the direct-procurement ceiling of construction', { directMax: '400000000.00', regulation: 'Perpres 16/2018 jo. 46/2025, Pasal 38 ayat (3)' });
