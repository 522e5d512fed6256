import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/authenticated.decorator';
import { ReplicaMonitor } from '../database/replica/replica-monitor';
import { ProblemResponse } from '../http/problem.response';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthCheckService, private readonly db: TypeOrmHealthIndicator, private readonly replica: ReplicaMonitor) {}

  @Get()
  @ApiOperation({
    summary: 'Health of the API and its database',
    description: 'Answers 200 when the API and its database are up, 503 when the database is not reachable. Anyone may call it; for load balancers and monitoring. '
      + 'With a read replica (`DATABASE_REPLICA_URL`) it also shows `replica`: the standby\'s state (`streaming`, `lagging`, `unreachable`, `not-a-standby`, `starting`), its lag in ms and the bound, where reports of auditors and exports are read from now, and how many reads the replica served or the primary served in its place. '
      + 'A replica that is down or behind does not make the API unhealthy (its reads fall back to the primary), so `replica.status` stays `up`.',
  })
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'the API and its database are up' })
  @ApiServiceUnavailableResponse({ type: ProblemResponse, description: 'the database is down' })
  check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout: 3000 })];
    if (this.replica.configured) checks.push(async () => ({ replica: { ...this.replica.health() } }));
    return this.health.check(checks);
  }
}
