import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CursorPageQueryDto } from '../http/cursor';

export class AuditQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 'BudgetLine' }) @IsOptional() @IsString() @MaxLength(100) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'planner-a', description: 'the actor\'s username' }) @IsOptional() @IsString() @MaxLength(100) username?: string;
  @ApiPropertyOptional({ description: 'the X-Request-Id of the request that made the change' }) @IsOptional() @IsString() @MaxLength(200) requestId?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'ISO 8601 date or instant, inclusive' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'ISO 8601 date or instant, inclusive (a date includes the whole day)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ example: 'LEDGER.POST' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json', description: 'csv/xlsx: every event matching the filters (not paged), at most 50000' })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

/** A change's record: an object, or an array for events that touch several rows. */
const CHANGE_SCHEMA: ApiPropertyOptions = { anyOf: [{ type: 'object', additionalProperties: true, nullable: true }, { type: 'array', items: {} }] };

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ type: String, description: 'position in the hash chain; null for the moment between commit and chaining (decision 0021)', nullable: true }) chainNo: string | null;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorUsername: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiPropertyOptional({ type: String, nullable: true }) entityId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'what readers call the entity: the document number, code, username or name its record carries (after the change, else before), or the username of a user acting on their own account (a login), or a budget line\'s codes (year, OPD / sub kegiatan / account / funding source); null when there is none' }) entityLabel: string | null;
  @ApiPropertyOptional({ ...CHANGE_SCHEMA, description: 'the record before the change: an object, or an array for events about several rows; null when there is none' }) before: unknown;
  @ApiPropertyOptional({ ...CHANGE_SCHEMA, description: 'the record after the change: an object, or an array for events about several rows; null when there is none' }) after: unknown;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'keyed hash of the record before it in the chain' }) prevHash: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'keyed hash (HMAC-SHA256) linking this record to the one before it' }) hash: string | null;
}

export class AuditCheckpointResponse {
  @ApiProperty({ description: 'number of records the checkpoint covers' }) count: number;
  @ApiProperty({ description: 'chain hash of the last record it covers' }) head: string;
  @ApiProperty({ description: 'when it was signed (Ed25519), ISO 8601' }) signedAt: string;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'true when every record matches its keyed hash, links to the one before, the chain reaches every signed checkpoint, and every ledger entry has its audit record' }) valid: boolean;
  @ApiProperty({ description: 'number of records checked' }) checked: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the first record that does not verify' }) firstInvalidId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) firstInvalidChainNo: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why the first invalid record fails' }) reason: string | null;
  @ApiProperty({ description: 'records committed but not yet chained when the check ran' }) pending: number;
  @ApiProperty({ description: 'ledger entries checked against the audit records that carry them' }) ledgerEntriesChecked: number;
  @ApiPropertyOptional({ type: AuditCheckpointResponse, nullable: true, description: 'the latest signed checkpoint the chain matches (a new one is signed when the trail is valid)' })
  checkpoint: AuditCheckpointResponse | null;
}
