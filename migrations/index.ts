import { Foundation1764300000000 } from './1764300000000-foundation';
import { CashPlans1764300100000 } from './1764300100000-cash-plans';
import { EHsb1764300200000 } from './1764300200000-e-hsb';
import { EBudgeting1764300300000 } from './1764300300000-e-budgeting';
import { EPenatausahaan1764300400000 } from './1764300400000-e-penatausahaan';
import { IdempotencyResponseText1764300500000 } from './1764300500000-idempotency-response-text';
import { OneTaxTable1764300600000 } from './1764300600000-one-tax-table';
import { MoreRoles1764300700000 } from './1764300700000-more-roles';
import { TokenVersion1764301000000 } from './1764301000000-token-version';
import { SegregationOfDuties1764301010000 } from './1764301010000-segregation-of-duties';
import { KeyedAuditTrail1764301100000 } from './1764301100000-keyed-audit-trail';
import { TruncateTriggers1764301100100 } from './1764301100100-truncate-triggers';
import { TaxesOnTheRightBase1764301200000 } from './1764301200000-taxes-on-the-right-base';
import { CashBookATreasurerCanSign1764301210000 } from './1764301210000-cash-book-a-treasurer-can-sign';
import { Panjar1764301220000 } from './1764301220000-panjar';
import { ValueDatedLedger1764301300000 } from './1764301300000-value-dated-ledger';
import { PeriodCloseLock1764301300100 } from './1764301300100-period-close-lock';
import { CodeListVersions1764301400000 } from './1764301400000-code-list-versions';
import { EDelivery1764301500000 } from './1764301500000-e-delivery';
import { TerminSp2dNumber1764301500100 } from './1764301500100-termin-sp2d-number';
import { AddendumFundingSplit1764301800000 } from './1764301800000-addendum-funding-split';
import { RevenueAndFinancing1764302000000 } from './1764302000000-revenue-and-financing';
import { LraAmendmentView1764302000100 } from './1764302000100-lra-amendment-view';
import { TreasuryCashDays1764302000200 } from './1764302000200-treasury-cash-days';
import { LedgerDisbursementChannels1764302100000 } from './1764302100000-ledger-disbursement-channels';
import { DisbursementChannelLookup1764302100100 } from './1764302100100-disbursement-channel-lookup';
import { EControlling1764302200000 } from './1764302200000-e-controlling';
import { EMonev1764302300000 } from './1764302300000-e-monev';
import { BudgetLineSortKey1764302500000 } from './1764302500000-budget-line-sort-key';
import { ListOrderIndexes1764302500100 } from './1764302500100-list-order-indexes';
import { StsCancellations1764303100000 } from './1764303100000-sts-cancellations';
import { MonevIndicatorEdits1764303300000 } from './1764303300000-monev-indicator-edits';
import { HsbImportId1764303400000 } from './1764303400000-hsb-import-id';
import { CursorListOrders1764303400100 } from './1764303400100-cursor-list-orders';
import { HsbCodesOfYearDistinct1764303400200 } from './1764303400200-hsb-codes-of-year-distinct';
import { ContractDisbursementIndexes1764304100000 } from './1764304100000-contract-disbursement-indexes';
import { BudgetLineOpdListOrder1764304200000 } from './1764304200000-budget-line-opd-list-order';
import { TreasuryCashStripes1764304300000 } from './1764304300000-treasury-cash-stripes';
import { CodeInYearCollation1764304600000 } from './1764304600000-code-in-year-collation';
import { TreasuryCashStripeConvoy1764304800000 } from './1764304800000-treasury-cash-stripe-convoy';
import { HsbSearchOffImportPath1764305000000 } from './1764305000000-hsb-search-off-import-path';
import { BkuLastEntryDateIndex1764305100000 } from './1764305100000-bku-last-entry-date-index';
import { HsbParentsPerStatement1764305400000 } from './1764305400000-hsb-parents-per-statement';
import { HsbTimeOrderedIds1764305400100 } from './1764305400100-hsb-time-ordered-ids';
// issue 11, catalogue import (decision 0113)
import { HsbUsersPerStatement1764306300000 } from './1764306300000-hsb-users-per-statement';
import { HsbCodesOfYearDistinctLists1764306300100 } from './1764306300100-hsb-codes-of-year-distinct-lists';
// acceptance walk of API.md (decisions 0115, 0116)
import { VendorQualificationOptional1764307000000 } from './1764307000000-vendor-qualification-optional';
import { AddendumRejection1764307000100 } from './1764307000100-addendum-rejection';
import { ReceiptCancellation1764307000200 } from './1764307000200-receipt-cancellation';
import { ContractDraftCancellation1764307000300 } from './1764307000300-contract-draft-cancellation';
// one order of OPDs (decision 0520)
import { OpdCodeCollationC1764307100000 } from './1764307100000-opd-code-collation-c';

// Every migration, in order. A new migration is appended here; committed
// migrations are never rewritten.
export const ALL_MIGRATIONS = [
  Foundation1764300000000,
  CashPlans1764300100000,
  EHsb1764300200000,
  EBudgeting1764300300000,
  EPenatausahaan1764300400000,
  IdempotencyResponseText1764300500000,
  OneTaxTable1764300600000,
  MoreRoles1764300700000,
  TokenVersion1764301000000,
  SegregationOfDuties1764301010000,
  KeyedAuditTrail1764301100000,
  TruncateTriggers1764301100100,
  TaxesOnTheRightBase1764301200000,
  CashBookATreasurerCanSign1764301210000,
  Panjar1764301220000,
  ValueDatedLedger1764301300000,
  PeriodCloseLock1764301300100,
  CodeListVersions1764301400000,
  EDelivery1764301500000,
  TerminSp2dNumber1764301500100,
  AddendumFundingSplit1764301800000,
  RevenueAndFinancing1764302000000,
  LraAmendmentView1764302000100,
  TreasuryCashDays1764302000200,
  LedgerDisbursementChannels1764302100000,
  DisbursementChannelLookup1764302100100,
  EControlling1764302200000,
  EMonev1764302300000,
  BudgetLineSortKey1764302500000,
  ListOrderIndexes1764302500100,
  StsCancellations1764303100000,
  MonevIndicatorEdits1764303300000,
  HsbImportId1764303400000,
  CursorListOrders1764303400100,
  HsbCodesOfYearDistinct1764303400200,
  ContractDisbursementIndexes1764304100000,
  BudgetLineOpdListOrder1764304200000,
  TreasuryCashStripes1764304300000,
  CodeInYearCollation1764304600000,
  TreasuryCashStripeConvoy1764304800000,
  HsbSearchOffImportPath1764305000000,
  BkuLastEntryDateIndex1764305100000,
  HsbParentsPerStatement1764305400000,
  HsbTimeOrderedIds1764305400100,
  // issue 11, catalogue import (decision 0113)
  HsbUsersPerStatement1764306300000,
  HsbCodesOfYearDistinctLists1764306300100,
  // acceptance walk of API.md (decisions 0115, 0116)
  VendorQualificationOptional1764307000000,
  AddendumRejection1764307000100,
  ReceiptCancellation1764307000200,
  ContractDraftCancellation1764307000300,
  // one order of OPDs (decision 0520)
  OpdCodeCollationC1764307100000,
];
