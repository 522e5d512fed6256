import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './api-process';

// The API is measured as it is run: the bench's API process, `npm start` and
// the operations guide carry the same heap flags (decision 0056).
describe('API heap flags', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const expected = `node ${API_NODE_FLAGS.join(' ')} dist/apps/api/src/main.js`;

  it('npm start runs the API with the bench\'s heap flags', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`exec ${expected}`);
  });

  it('every way of starting the API in the operations guide carries them', () => {
    const starts = readFileSync(join(root, 'docs', 'operations.md'), 'utf8').split('\n').filter((l) => /^node .*dist\/apps\/api\/src\/main\.js/.test(l));
    expect(starts.length).toBeGreaterThan(0);
    for (const line of starts) expect(line).toBe(expected);
  });
});
