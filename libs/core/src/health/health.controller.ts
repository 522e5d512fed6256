import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/authenticated.decorator';
import { ProblemResponse } from '../http/problem.response';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthCheckService, private readonly db: TypeOrmHealthIndicator) {}

  @Get()
  @ApiOperation({ summary: 'Health of the API and its database', description: 'Answers 200 when the API and its database are up, 503 when the database is not reachable. Anyone may call it; for load balancers and monitoring.' })
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'the API and its database are up' })
  @ApiServiceUnavailableResponse({ type: ProblemResponse, description: 'the database is down' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }
}
