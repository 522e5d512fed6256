import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMoney, PageMeta, PageQueryDto } from '@grms/core';

export class CreateStsDto {
  @ApiProperty({ format: 'uuid', description: 'the OPD whose revenue treasurer deposits' }) @IsUUID() organizationId: string;
  @ApiProperty({ example: '2026-03-12', description: 'the day the money reached the regional treasury account: the value date of the realisation' })
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) depositDate: string;
  @ApiPropertyOptional({ example: '2026-03-10', description: 'the day the revenue treasurer received the money (default: the deposit date); the cash book shows it held until the deposit' })
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) receivedOn?: string;
  @ApiProperty({ example: '4.1.02.02.01.004', description: 'a revenue account leaf (4.*) of the year\'s code list on which the OPD has a revenue budget line' })
  @IsString() @Matches(/^4(\.[0-9]+){5}$/, { message: 'accountCode must be a revenue account leaf (4.x.xx.xx.xx.xxx)' }) accountCode: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the revenue budget line, when the OPD has several for the account (other sub kegiatan or funding source)' })
  @IsOptional() @IsUUID() budgetLineId?: string;
  @IsMoney({ allowZero: false }) amount: string;
  @ApiProperty({ example: 'SMA Negeri 1 Semarang' }) @IsString() @IsNotEmpty() @MaxLength(200) payer: string;
  @ApiProperty({ example: 'Retribusi pemakaian laboratorium Maret 2026' }) @IsString() @IsNotEmpty() @MaxLength(500) description: string;
}

export class StsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the OPD; an OPD user sees its own only' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class StsResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'STS/1.01.0.00.0.00.01.0000/2026/000001' }) number: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationCode: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty() accountCode: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ example: '2026-03-10' }) receivedOn: string;
  @ApiProperty({ example: '2026-03-12' }) depositDate: string;
  @ApiProperty({ example: '1500000.00' }) amount: string;
  @ApiProperty() payer: string;
  @ApiProperty() description: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ enum: ['RECORDED', 'CANCELLED', 'CORRECTED'], description: 'CANCELLED: reversed on its own deposit date (its month was open); CORRECTED: reversed on the day of the correction (decision 0140)' })
  status: 'RECORDED' | 'CANCELLED' | 'CORRECTED';
  @ApiProperty({ type: String, nullable: true, example: null, description: 'the value date of the reversal: the deposit date for a cancellation, the day of a correction' }) reversedOn: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) cancelReason: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'who cancelled or corrected it' }) cancelledBy: string | null;
}

export class RevenueBookQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the OPD; defaults to the user\'s own' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
}

export class RevenueBookEntryResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ example: '2026-03-10' }) date: string;
  @ApiProperty() documentNumber: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '1500000.00', description: 'received (positive) or deposited to the regional treasury (negative); an STS cancelled or corrected takes the opposite entries' }) amount: string;
  @ApiProperty({ example: '1500000.00', description: 'cash the revenue treasurer holds after this entry' }) balance: string;
}

export class RevenueBookResponse {
  @ApiProperty({ type: [RevenueBookEntryResponse] }) data: RevenueBookEntryResponse[];
  @ApiProperty({ type: PageMeta }) meta: PageMeta;
  @ApiProperty({ example: '0.00', description: 'cash held at the end of the book (received, not yet deposited)' }) balance: string;
  @ApiProperty({ example: '3000000.00', description: 'received in the year, less receipts of STSs cancelled or corrected' }) received: string;
  @ApiProperty({ example: '3000000.00', description: 'deposited in the year, less deposits of STSs cancelled or corrected' }) deposited: string;
}
