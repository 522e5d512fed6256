import { Benchmark } from './bench-context';
import { budgetLinesBench } from './budget-lines.bench';

export const BENCHMARKS: Benchmark[] = [budgetLinesBench];
