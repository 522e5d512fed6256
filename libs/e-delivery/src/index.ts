// Public face of @grms/e-delivery.
export * from './e-delivery.module';
export * from './contracts/contracts.service';
export * from './contracts/dto/contract.dto';
export * from './contracts/termin-schedule';
export * from './payments/contract-payments.service';
export * from './contracts/contract-lifecycle.service';
export * from './progress/progress.service';
export * from './progress/dto/progress.dto';
export * from './vendors/vendors.service';
export * from './vendors/dto/vendor.dto';
export * from './year-end/contract-year-end.service';
export * from './payments/payments-in-process';
