import { auditLagBench } from './audit-lag.bench';
import { Benchmark } from './bench-context';
import { budgetLinesBench } from './budget-lines.bench';
import { catalogueImportBench } from './catalogue-import.bench';
import { contractSigningBench } from './contract-signing.bench';
import { controllingBench } from './controlling.bench';
import { hostileBodiesBench } from './hostile-bodies.bench';
import { monevEvaluationBench } from './monev-evaluation.bench';
import { rkaApprovalBench } from './rka-approval.bench';
import { sp2dBench } from './sp2d.bench';
// issue 11: streamed downloads
import { streamedExportBench } from './streamed-export.bench';
import { controlCardBench, realizationBySourceBench } from './expenditure-reports.bench';

import { lraBench } from './lra.bench';

export const BENCHMARKS: Benchmark[] = [budgetLinesBench, rkaApprovalBench, catalogueImportBench, sp2dBench, contractSigningBench, auditLagBench, hostileBodiesBench, controllingBench];
// expenditure reports from the ledger (decision 0130)
BENCHMARKS.push(realizationBySourceBench, controlCardBench);
// the LRA (issue 8)
BENCHMARKS.push(lraBench);
// e-monev
BENCHMARKS.push(monevEvaluationBench);
// issue 11: streamed downloads
BENCHMARKS.push(streamedExportBench);
