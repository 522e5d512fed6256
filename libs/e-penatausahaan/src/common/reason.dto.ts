import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ example: 'the invoice does not match the contract termin' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
