import { Role } from './auth/roles';
import { LoginDto } from './auth/dto/login.dto';
import { bodyExample } from './http/body-examples';
import { CreateUserDto, UpdateUserDto } from './users/dto/user.dto';

// Request-body examples of the platform's routes (body-examples.ts).
bodyExample(LoginDto, 'a demo planner of OPD A', { username: 'planner-a', password: 'grms-demo' });
bodyExample(CreateUserDto, 'a planner of the education office', {
  username: 'perencana-disdikbud', password: 'Lumpia-Semarang-2026!', fullName: 'Sri Wahyuni, S.E.', roles: [Role.PLANNER],
  organizationId: '0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3b4c5d',
});
bodyExample(UpdateUserDto, 'a planner who also officers projects', { fullName: 'Sri Wahyuni, S.E., M.M.', roles: [Role.PLANNER, Role.PROJECT_OFFICER], active: true });
