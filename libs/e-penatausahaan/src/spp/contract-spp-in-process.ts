import { Injectable } from '@nestjs/common';
import { ContractPaymentInProcess, ContractPaymentsInProcess } from '@grms/e-delivery';
import { EntityManager } from 'typeorm';

// e-delivery's CONTRACT_PAYMENTS_IN_PROCESS port: the SPPs of a contract that
// are submitted or verified (their SPM, if any, not yet paid by an SP2D; an
// SP2D turns the SPP PAID). A DRAFT is not in process: its submission is
// refused once the contract is closed.
@Injectable()
export class ContractSppInProcess implements ContractPaymentsInProcess {
  inProcess(m: EntityManager, contractId: string): Promise<ContractPaymentInProcess[]> {
    return m.query(
      `SELECT number, status, termin_no AS "terminNo" FROM spp WHERE contract_id = $1 AND status IN ('SUBMITTED', 'VERIFIED') ORDER BY number`, [contractId]);
  }
}
