import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'BudgetLine' }) @IsOptional() @IsString() @MaxLength(100) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 instant or date, inclusive' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 instant or date, exclusive' }) @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ example: 'LEDGER.POST' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ description: 'position in the hash chain; null for the moment between commit and chaining (decision 0021)', nullable: true }) chainNo: string | null;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true }) actorUsername: string | null;
  @ApiPropertyOptional({ nullable: true }) requestId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiPropertyOptional({ nullable: true }) entityId: string | null;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) before: unknown;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) after: unknown;
  @ApiPropertyOptional({ nullable: true, description: 'keyed hash of the record before it in the chain' }) prevHash: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'keyed hash (HMAC-SHA256) linking this record to the one before it' }) hash: string | null;
}

export class AuditCheckpointResponse {
  @ApiProperty({ description: 'number of records the checkpoint covers' }) count: number;
  @ApiProperty({ description: 'chain hash of the last record it covers' }) head: string;
  @ApiProperty({ description: 'when it was signed (Ed25519), ISO 8601' }) signedAt: string;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'true when every record matches its keyed hash, links to the one before, the chain reaches every signed checkpoint, and every ledger entry has its audit record' }) valid: boolean;
  @ApiProperty({ description: 'number of records checked' }) checked: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'the first record that does not verify' }) firstInvalidId: string | null;
  @ApiPropertyOptional({ nullable: true }) firstInvalidChainNo: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'why the first invalid record fails' }) reason: string | null;
  @ApiProperty({ description: 'records committed but not yet chained when the check ran' }) pending: number;
  @ApiProperty({ description: 'ledger entries checked against the audit records that carry them' }) ledgerEntriesChecked: number;
  @ApiPropertyOptional({ type: AuditCheckpointResponse, nullable: true, description: 'the latest signed checkpoint the chain matches (a new one is signed when the trail is valid)' })
  checkpoint: AuditCheckpointResponse | null;
}
