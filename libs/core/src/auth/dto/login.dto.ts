import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponse } from '../../users/dto/user.response';

export class LoginDto {
  @ApiProperty({ example: 'planner-a' }) @IsString() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty({ example: 'grms-demo' }) @IsString() @MinLength(1) @MaxLength(256) password: string;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}
