import { ApiProperty } from '@nestjs/swagger';
import { IsMoney } from '@grms/core';

export class PutUpLimitDto {
  @IsMoney() amount: string;
}

export class UpLimitResponse {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: '12500000.00' }) amount: string;
  @ApiProperty({ description: 'true when set by ADMIN; false: the default (1/12 of the OPD\'s goods-and-services appropriation, rounded down to whole rupiah)' }) configured: boolean;
  @ApiProperty({ example: '5000000.00', description: 'UP requested in the year so far (SPPs submitted, verified or paid)' }) used: string;
}
