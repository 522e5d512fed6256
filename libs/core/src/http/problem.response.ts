import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'amount' }) field: string;
  @ApiProperty({ example: 'amount must be a money amount as a decimal string' }) message: string;
  @ApiPropertyOptional({ description: 'line number in an imported file' }) row?: number;
  @ApiPropertyOptional({ example: 'H', description: 'an imported file\'s column letter; `field` is then the column\'s header as the file names it' }) column?: string;
  @ApiPropertyOptional({ example: 'price', description: 'the API field an imported column fills' }) apiField?: string;
}

export class ProblemResponse {
  @ApiProperty({ example: 'https://grms.example/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'invalid request: amount: must be a decimal string' }) detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable machine-readable code' }) code: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiProperty({ type: [FieldErrorResponse] }) errors: FieldErrorResponse[];
}
