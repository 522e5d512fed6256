import { auditLagBench } from './audit-lag.bench';
import { Benchmark } from './bench-context';
import { budgetLinesBench } from './budget-lines.bench';
import { catalogueImportBench } from './catalogue-import.bench';
import { contractSigningBench } from './contract-signing.bench';
import { hostileBodiesBench } from './hostile-bodies.bench';
import { rkaApprovalBench } from './rka-approval.bench';
import { sp2dBench } from './sp2d.bench';
// issue 11: streamed downloads
import { streamedExportBench } from './streamed-export.bench';

export const BENCHMARKS: Benchmark[] = [budgetLinesBench, rkaApprovalBench, catalogueImportBench, sp2dBench, contractSigningBench, auditLagBench, hostileBodiesBench];
// issue 11: appended in its own line so that the lists above stay as they are
BENCHMARKS.push(streamedExportBench);
