import { ApiProperty } from '@nestjs/swagger';

export class ReviewFlagResponse {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['ABOVE_CATALOGUE_PRICE', 'ACCOUNT_NOT_ALLOWED', 'QUANTITY_OUTLIER', 'NEWER_CATALOGUE_VERSION'] }) code: string;
  @ApiProperty({ enum: ['WARNING', 'INFO'] }) severity: string;
  @ApiProperty() message: string;
}

export class DocumentReviewResponse {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() status: string;
  @ApiProperty() itemCount: number;
  @ApiProperty({ description: 'items with at least one WARNING' }) flaggedItems: number;
  @ApiProperty({ type: [ReviewFlagResponse] }) flags: ReviewFlagResponse[];
}
