// globalSetup runs outside Jest's module mapper: resolve @grms/* here.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';

register({ baseUrl: join(__dirname, '..', '..'), paths: { '@grms/*': ['libs/*/src'] } });
