import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public } from '@grms/core';
import { API_PREFIX } from '../prefix';

/** The version in the project's package.json, found from wherever the code runs (sources or dist). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'grms') return pkg.version ?? 'unknown';
    }
  }
  return 'unknown';
}

export class IndexLinks {
  @ApiProperty({ example: '/api/v1' }) api: string;
  @ApiProperty({ example: '/docs', description: 'Swagger UI' }) docs: string;
  @ApiProperty({ example: '/docs-json', description: 'the OpenAPI document' }) openapi: string;
  @ApiProperty({ example: '/health' }) health: string;
  @ApiProperty({ example: '/api/v1/auth/login', description: 'POST a username and password for a token' }) login: string;
}

export class IndexModule {
  @ApiProperty({ example: 'e-HSB' }) name: string;
  @ApiProperty({ example: 'standard unit prices (SSH, HSPK, ASB, SBU) per fiscal year' }) description: string;
  @ApiProperty({ enum: ['built', 'planned'] }) state: 'built' | 'planned';
  @ApiPropertyOptional({ type: String, nullable: true, example: '/api/v1/hsb/items', description: 'the module\'s main list; null while it has no endpoints' }) root: string | null;
}

export class IndexResponse {
  @ApiProperty({ example: 'GRMS API' }) name: string;
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty({ type: IndexLinks }) links: IndexLinks;
  @ApiProperty({ type: [IndexModule] }) modules: IndexModule[];
}

const API = `/${API_PREFIX}`;
const MODULES: IndexModule[] = [
  { name: 'platform', description: 'auth, users, audit trail, reference data, budget lines and the ledger', state: 'built', root: `${API}/budget-lines` },
  { name: 'e-HSB', description: 'standard unit prices (SSH, HSPK, ASB, SBU) per fiscal year', state: 'built', root: `${API}/hsb/items` },
  { name: 'e-budgeting', description: 'ceilings, budget documents (RKA to DPA), cash plans, revisions', state: 'built', root: `${API}/budgeting/documents` },
  { name: 'e-project planning', description: 'work packages, procurement plan (RUP), S-curves', state: 'planned', root: null },
  { name: 'e-delivery', description: 'vendors, contracts, termin, progress, handover', state: 'planned', root: null },
  { name: 'e-penatausahaan', description: 'SPD, SPP, SPM, SP2D, advances and SPJ, taxes, cash book (BKU)', state: 'built', root: `${API}/penatausahaan/spp` },
  { name: 'e-controlling', description: 'plan vs actual, deviation, critical contracts', state: 'planned', root: null },
  { name: 'e-monev', description: 'performance indicators, quarterly realisation, evaluation', state: 'planned', root: null },
];

export const API_INDEX: IndexResponse = {
  name: 'GRMS API',
  version: packageVersion(),
  links: { api: API, docs: '/docs', openapi: '/docs-json', health: '/health', login: `${API}/auth/login` },
  modules: MODULES,
};

const SUMMARY = 'Index of the API';
const DESCRIPTION = 'Name, version, links to the documentation, the OpenAPI document and the health check, and the root of each module. Anyone may call it; the module roots need a token.';

// `/` answers this JSON to API clients; a browser (Accept preferring
// text/html) gets the web app's page instead (apps/api/src/web-app.ts).
@ApiTags('operations')
@ApiExtraModels(IndexResponse)
@Controller()
export class RootIndexController {
  @Get()
  @Public()
  @ApiOperation({ summary: `${SUMMARY} (site root)`, description: `${DESCRIPTION} A browser asking for text/html gets the web app instead (when it is built: \`npm run build\`).` })
  @ApiOkResponse({
    description: 'the index (JSON), or the web app\'s page for a browser (text/html)',
    content: { 'application/json': { schema: { $ref: getSchemaPath(IndexResponse) } }, 'text/html': { schema: { type: 'string' } } },
  })
  index(): IndexResponse {
    return API_INDEX;
  }
}

@ApiTags('operations')
@Controller(API_PREFIX)
export class ApiIndexController {
  @Get()
  @Public()
  @ApiOperation({ summary: SUMMARY, description: DESCRIPTION })
  @ApiOkResponse({ type: IndexResponse })
  index(): IndexResponse {
    return API_INDEX;
  }
}
