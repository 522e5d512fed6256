import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The web app bundles roles.ts at build time (apps/web/src/roles.ts, decision
// 0519): it must stay plain constants, so that no server code comes with it.
describe('roles.ts, read by the web bundle', () => {
  it('imports nothing', () => {
    const source = readFileSync(join(__dirname, 'roles.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\b|\brequire\(|^\s*export \* from|^\s*export \{[^}]*\} from/m);
  });
});
