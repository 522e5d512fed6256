import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/authenticated.decorator';
import { ProblemResponse } from '../http/problem.response';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthCheckService, private readonly db: TypeOrmHealthIndicator) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'the API and its database are up' })
  @ApiServiceUnavailableResponse({ type: ProblemResponse, description: 'the database is down' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }
}
