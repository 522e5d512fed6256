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
  @ApiProperty({ description: 'position in the hash chain' }) chainNo: string;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true }) actorUsername: string | null;
  @ApiPropertyOptional({ nullable: true }) requestId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiPropertyOptional({ nullable: true }) entityId: string | null;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) before: unknown;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) after: unknown;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'true when every record hashes correctly and links to the one before' }) valid: boolean;
  @ApiProperty({ description: 'number of records checked' }) checked: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'the first record that does not verify' }) firstInvalidId: string | null;
  @ApiPropertyOptional({ nullable: true }) firstInvalidChainNo: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'why the first invalid record fails' }) reason: string | null;
}
