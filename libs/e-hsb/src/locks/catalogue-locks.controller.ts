import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission, ApiProblems } from '@grms/core';
import { CatalogueLocksService } from './catalogue-locks.service';
import { CatalogueLockDto, CatalogueLockResponse } from './dto/catalogue-lock.dto';

@ApiTags('e-HSB')
@Controller('hsb/locks')
export class CatalogueLocksController {
  constructor(private readonly locks: CatalogueLocksService) {}

  @Post()
  @ApiOperation({ summary: 'Lock or unlock a year\'s catalogue', description: 'Locks or unlocks every item of a fiscal year (or of one category) in one call; answers how many items changed.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.HSB_MANAGE })
  @ApiOkResponse({ type: CatalogueLockResponse, description: 'how many items changed' })
  set(@CurrentUser() user: AuthUser, @Body() dto: CatalogueLockDto): Promise<CatalogueLockResponse> {
    return this.locks.set(user, dto);
  }
}
