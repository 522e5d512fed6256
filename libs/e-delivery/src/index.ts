// Public face of @grms/e-delivery.
export * from './e-delivery.module';
export * from './contracts/contracts.service';
export * from './contracts/dto/contract.dto';
export * from './contracts/termin-schedule';
export * from './payments/contract-payments.service';
