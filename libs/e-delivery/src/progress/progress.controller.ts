import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission, ProblemResponse } from '@grms/core';
import { ProgressResponse, ReasonDto } from './dto/progress.dto';
import { ProgressService } from './progress.service';

@ApiTags('e-delivery')
@Controller('delivery/progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Post(':id/verify')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PROGRESS_VERIFY })
  @ApiOperation({ summary: 'Verify a progress report', description: 'SUPERVISOR of the contract\'s OPD, not the reporter. Only verified progress makes termins due and allows PHO.' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  verify(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProgressResponse> {
    return this.progress.decide(user, id, 'VERIFIED');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PROGRESS_VERIFY })
  @ApiOperation({ summary: 'Reject a progress report with a reason', description: 'SUPERVISOR of the contract\'s OPD.' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<ProgressResponse> {
    return this.progress.decide(user, id, 'REJECTED', dto.reason);
  }
}
