import { INestApplication } from '@nestjs/common';
import type { TempFolders } from '@grms/core';
import { Pool } from 'pg';

export interface BenchContext {
  app: INestApplication;
  baseUrl: string;
  pool: Pool;
  databaseUrl: string;
  /** the data folder of the bench's API (its audit keys), for an API started in a process of its own */
  dataDir?: string;
  token(username: string): Promise<string>;
  api(method: string, path: string, user: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** the run's temp folders: a benchmark makes its own here, and the run removes them at its end, also after a benchmark threw */
  temp: TempFolders;
}

export interface BenchResult {
  name: string;
  /** markdown table rows: | what | figure | */
  rows: [string, string][];
  notes?: string[];
}

export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}
