import { AuthUser, Money } from '@grms/core';
import { EntityManager } from 'typeorm';

/**
 * Gives unspent allotment of a budget line back (negative ALLOTMENT), for a
 * budget revision whose approval cuts the line below its allotment. Provided
 * by the module that owns the SPDs (e-penatausahaan); it refuses, with the
 * arithmetic, to give back what is disbursed or in process.
 */
export interface AllotmentReleaser {
  releaseUnspent(m: EntityManager, user: AuthUser, budgetLineId: string, amount: Money, reason: string): Promise<void>;
}

export const ALLOTMENT_RELEASER = Symbol('ALLOTMENT_RELEASER');
