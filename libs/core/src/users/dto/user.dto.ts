import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Role } from '../../auth/roles';
import { PageQueryDto } from '../../http/pagination';
import { IsOmittable } from '../../http/is-omittable.decorator';

export class CreateUserDto {
  @ApiProperty({ example: 'planner-c', description: 'lowercase letters, digits, dot, dash, underscore; 3-64 characters' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username must be 3-64 lowercase letters, digits, ".", "-" or "_"' })
  username: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters; not a common password, not containing the username or full name, not the demo password (400 WEAK_PASSWORD)' })
  @IsString() @MinLength(12) @MaxLength(256) password: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) fullName: string;
  @ApiProperty({ enum: Role, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsEnum(Role, { each: true }) roles: Role[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'required for OPD roles (PLANNER, PROJECT_OFFICER, TREASURER, FINANCE_OFFICER)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() organizationId?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ minLength: 12, description: 'a new password (same policy as on creation); revokes every token issued before' })
  @IsOmittable() @IsString() @MinLength(12) @MaxLength(256) password?: string;
  @ApiPropertyOptional({ enum: Role, isArray: true }) @IsOmittable() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsEnum(Role, { each: true }) roles?: Role[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() organizationId?: string | null;
  @ApiPropertyOptional({ description: 'false deactivates the account and revokes its tokens; reactivating does not bring old tokens back' }) @IsOmittable() @IsBoolean() active?: boolean;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'part of the username or full name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional({ format: 'uuid', description: 'the accounts of this organization (an OPD or a unit; province-wide accounts have none)' })
  @IsOptional() @IsUUID() organizationId?: string;
}
