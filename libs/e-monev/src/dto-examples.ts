import { bodyExample } from '@grms/core';
import { PutEvaluationNotesDto } from './evaluation/evaluation.dto';
import { CreateIndicatorDto, UpdateIndicatorDto } from './indicators/indicator.dto';
import { CreateRealizationDto, RejectRealizationDto, UpdateRealizationDto } from './realizations/realization.dto';
import { PutMonevSettingsDto } from './settings/monev-settings.dto';

// Request-body examples of the e-monev routes (core's body-examples.ts).
const OPD = '0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3b4c5d';
bodyExample(CreateIndicatorDto, 'the output indicator of a sub kegiatan, from the code list', {
  fiscalYear: 2026, organizationId: OPD, level: 'SUB_KEGIATAN', code: '1.01.02.1.01.0072', direction: 'HIGHER_IS_BETTER', aggregation: 'SUM',
  target: '12', quarterlyTargets: ['3', '6', '9', '12'], baseline: '12', renstraTarget: '60', renstraAmount: '18000000000.00',
  previousRealization: '24', previousAmount: '7200000000.00', responsibleUnit: 'Bidang Pembinaan SMA',
});
bodyExample(UpdateIndicatorDto, 'targets moved by the Renja amendment, at the version last read', {
  expectedVersion: 1, target: '10', quarterlyTargets: ['2', '5', '8', '10'], renstraTarget: '62', reason: 'Perubahan Renja: target disesuaikan dengan APBD Perubahan',
});
bodyExample(CreateRealizationDto, 'the first quarter, with its evidence', {
  quarter: 1, value: '3', unit: 'Ruang', evidence: 'BAST pekerjaan RKB SMA N 1 Semarang No. 027/114/2026; foto kondisi 100%',
  obstacles: 'cuaca hujan menunda pengecoran dua minggu',
});
bodyExample(UpdateRealizationDto, 'a rejected realisation corrected', { value: '2', evidence: 'BAST No. 027/114/2026 dan foto kondisi 100% dilampirkan' });
bodyExample(RejectRealizationDto, 'evidence missing', { reason: 'BAST belum dilampirkan' });
bodyExample(PutMonevSettingsDto, 'the deadlines and bands of a fiscal year', {
  entryDays: 10, bands: { veryHigh: '91', high: '76', medium: '66', low: '51' }, lowerIsBetter: 'MIRROR',
  regulation: 'Permendagri 86/2017; Pergub Jawa Tengah tentang pengendalian dan evaluasi',
});
bodyExample(PutEvaluationNotesDto, 'the footer of an OPD\'s quarterly evaluation', {
  fiscalYear: 2026, quarter: 2, organizationId: OPD, drivingFactors: 'dukungan komite sekolah', inhibitingFactors: 'cuaca dan keterlambatan lelang',
  followUp: 'percepatan pekerjaan fisik pada TW berikutnya',
});
