import { bodyExample } from '@grms/core';
import { CreateEscalationDto } from './escalations/dto/escalation.dto';
import { FreezeRfkDto } from './rfk/dto/rfk.dto';
import { PutControllingThresholdsDto } from './thresholds/dto/controlling-threshold.dto';

// Request-body examples of the e-controlling routes (core's body-examples.ts).
bodyExample(PutControllingThresholdsDto, 'the kontrak kritis defaults of decision 0500', {
  periodOneUpTo: '70.00', periodOneBehind: '10.00', periodTwoBehind: '5.00', projectionDays: 28, notTenderedDays: 30, progressSilenceDays: 14,
  behindCashPlanPoints: '10.00', unspentAllotmentPercent: '50.00', yearEndDays: 60, regulation: 'Permen PU 07/PRT/M/2011, Buku PK 06A, Bab VII B6 angka 39.2',
});
bodyExample(FreezeRfkDto, 'a corrected RFK of a month already published', { reason: 'koreksi realisasi fisik paket PKT-2026-000004' });
bodyExample(CreateEscalationDto, 'the first show-cause meeting of a critical contract', {
  kind: 'SHOW_CAUSE_MEETING', stage: 1, heldOn: '2026-10-05', documentNumber: 'BA-SCM-1/PPK/DPUBMCK/X/2026', targetPercent: '35.00', targetDate: '2026-10-26',
  note: 'penyedia menambah tenaga kerja dan alat; uji coba 21 hari',
});
