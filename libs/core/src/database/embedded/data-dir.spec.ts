import * as os from 'os';
import * as path from 'path';
import { clusterFolder } from './data-dir';

// What a bench or a test run removes after stopping its cluster: the temp
// folder the cluster was moved to when its data root was not reachable for its
// OS user (under root), never a folder above the cluster otherwise.
describe('clusterFolder', () => {
  it('names the temp folder a cluster lives in when its data root was not reachable', () => {
    const temp = path.join(os.tmpdir(), 'grms-data-0123456789ab-cafe0123');
    expect(clusterFolder(path.join(temp, 'pg'))).toBe(temp);
  });

  it('names the cluster itself when it lives in its data root', () => {
    expect(clusterFolder('/var/lib/grms/.data/pg')).toBe('/var/lib/grms/.data/pg');
    expect(clusterFolder(path.join(os.tmpdir(), 'grms-bench-abc', 'pg'))).toBe(path.join(os.tmpdir(), 'grms-bench-abc', 'pg'));
  });

  it('never names the temp dir or a folder of another name in it', () => {
    expect(clusterFolder(path.join(os.tmpdir(), 'pg'))).toBe(path.join(os.tmpdir(), 'pg'));
    expect(clusterFolder(path.join(os.tmpdir(), 'other-data-1', 'pg'))).toBe(path.join(os.tmpdir(), 'other-data-1', 'pg'));
  });
});
