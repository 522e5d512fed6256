import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { Authenticated } from '../auth/authenticated.decorator';
import { Permission } from '../auth/permissions';
import { ApiPage, Page } from '../http/pagination';
import { ProblemResponse } from '../http/problem.response';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users', description: 'User accounts filtered by text (part of the username or full name), role and organization, ordered by username, paged with the real total. ADMIN and AUDITOR. An organization id that is not a UUID is 400; an unknown one lists nothing.' })
  @Authenticated({ permission: Permission.USERS_READ })
  @ApiPage(UserResponse)
  list(@Query() q: UserQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A user', description: 'One user account by id.' })
  @Authenticated({ permission: Permission.USERS_READ })
  @ApiOkResponse({ type: UserResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user', description: 'Adds an account with roles; OPD roles need an organization. The password is stored as argon2id.' })
  @ApiProblems({ 422: 'UNKNOWN_ORGANIZATION' })
  @Authenticated({ permission: Permission.USERS_MANAGE })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'USERNAME_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'INCOMPATIBLE_ROLES: the roles break segregation of duties (docs/security.md); 400 WEAK_PASSWORD: the password policy refuses the password' })
  create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user', description: 'Changes the name, roles, organization, password or active flag of an account.' })
  @Authenticated({ permission: Permission.USERS_MANAGE })
  @ApiOkResponse({ type: UserResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'INCOMPATIBLE_ROLES: an active account may not hold these roles together, the administrator\'s own included; 400 WEAK_PASSWORD. A new password or a deactivation revokes the user\'s tokens.' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(id, dto);
  }
}
