import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'BudgetLine' }) @IsOptional() @IsString() @MaxLength(100) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'planner-a', description: 'the actor\'s username' }) @IsOptional() @IsString() @MaxLength(100) username?: string;
  @ApiPropertyOptional({ description: 'the X-Request-Id of the request that made the change' }) @IsOptional() @IsString() @MaxLength(200) requestId?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'ISO 8601 date or instant, inclusive' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'ISO 8601 date or instant, inclusive (a date includes the whole day)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ example: 'LEDGER.POST' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
}

/** A change's record: an object, or an array for events that touch several rows. */
const CHANGE_SCHEMA: ApiPropertyOptions = { anyOf: [{ type: 'object', additionalProperties: true, nullable: true }, { type: 'array', items: {} }] };

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'position in the hash chain' }) chainNo: string;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorUsername: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiPropertyOptional({ type: String, nullable: true }) entityId: string | null;
  @ApiPropertyOptional({ ...CHANGE_SCHEMA, description: 'the record before the change: an object, or an array for events about several rows; null when there is none' }) before: unknown;
  @ApiPropertyOptional({ ...CHANGE_SCHEMA, description: 'the record after the change: an object, or an array for events about several rows; null when there is none' }) after: unknown;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'true when every record hashes correctly and links to the one before' }) valid: boolean;
  @ApiProperty({ description: 'number of records checked' }) checked: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the first record that does not verify' }) firstInvalidId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) firstInvalidChainNo: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why the first invalid record fails' }) reason: string | null;
}
