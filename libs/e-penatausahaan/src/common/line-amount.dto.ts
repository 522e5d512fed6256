import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsMoney } from '@grms/core';

export class LineAmountDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() budgetLineId: string;
  @IsMoney({ allowZero: false }) amount: string;
}

export class LineAmountResponse {
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty({ example: '50000.00' }) amount: string;
}
