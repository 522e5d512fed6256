import { EntityManager } from 'typeorm';

/** A payment request of a contract that is on its way (submitted or verified, its SPM not yet paid by an SP2D). */
export interface ContractPaymentInProcess {
  number: string;
  status: string;
  terminNo: number;
}

/**
 * The port through which e-delivery asks which payment requests of a
 * contract are in process, so that closing does not release a commitment an
 * SPP is about to disburse. Provided by the module that owns the SPPs
 * (e-penatausahaan); without it nothing is in process.
 */
export interface ContractPaymentsInProcess {
  inProcess(m: EntityManager, contractId: string): Promise<ContractPaymentInProcess[]>;
}

export const CONTRACT_PAYMENTS_IN_PROCESS = Symbol('CONTRACT_PAYMENTS_IN_PROCESS');
