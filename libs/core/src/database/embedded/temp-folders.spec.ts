import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TempFolders } from './temp-folders';

// A test file or a bench removes what it made in the temp dir, also when it
// fails, and nothing else: another run may use the temp dir at the same time.
describe('TempFolders', () => {
  const PREFIX = 'grms-temp-folders-spec-';
  /** The folder an embedded cluster of `root` moves to under root (data-dir.ts: `grms-data-<hash of the root>-<random>`). */
  const plantCluster = (root: string): string => {
    const dir = path.join(os.tmpdir(), `grms-data-${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12)}-cafe0123`);
    fs.mkdirSync(path.join(dir, 'pg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pg', 'PG_VERSION'), '17\n');
    return dir;
  };

  it('removes the folders it made and their clusters in the temp dir, and not those of another run with the same prefix', async () => {
    const mine = new TempFolders();
    const other = new TempFolders();
    const a = mine.make(PREFIX);
    const b = mine.make(PREFIX);
    fs.writeFileSync(path.join(a, 'file'), 'x');
    const cluster = plantCluster(a);
    const theirs = other.make(PREFIX);
    const theirCluster = plantCluster(theirs);
    try {
      expect((await mine.removeAll()).sort()).toEqual([a, b, cluster].sort());
      for (const gone of [a, b, cluster]) expect(fs.existsSync(gone)).toBe(false);
      for (const kept of [theirs, theirCluster]) expect(fs.existsSync(kept)).toBe(true);
      expect(await mine.removeAll()).toEqual([]);
    } finally {
      expect((await other.removeAll()).sort()).toEqual([theirs, theirCluster].sort());
    }
  });

  it('stops the servers living in the folders before removing them', async () => {
    const temp = new TempFolders();
    const dir = temp.make(PREFIX);
    const seen: boolean[] = [];
    temp.stopFirst({ stop: async () => void seen.push(fs.existsSync(dir)) });
    await temp.removeAll();
    expect(seen).toEqual([true]);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('removes every folder even when a server fails to stop, then says why', async () => {
    const temp = new TempFolders();
    const dir = temp.make(PREFIX);
    temp.stopFirst({ stop: async () => { throw new Error('postmaster did not stop'); } });
    await expect(temp.removeAll()).rejects.toThrow('postmaster did not stop');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
