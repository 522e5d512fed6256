import { settled } from './settled';

describe('settled (a benchmark waits for the work the API does after its answer)', () => {
  const pool = (answers: boolean[]) => {
    const asked: string[] = [];
    return { asked, pool: { query: async (sql: string) => { asked.push(sql); return { rows: [{ pending: answers.shift() ?? false }] }; } } };
  };

  it('asks the queue until it is empty, then returns the time waited', async () => {
    const p = pool([true, true, false]);
    const waited = await settled({ pool: p.pool as never }, 'audit_pending');
    expect(p.asked).toHaveLength(3);
    expect(p.asked[0]).toContain('FROM audit_pending');
    expect(waited).toBeGreaterThan(0);
  });

  it('does not wait when nothing is pending', async () => {
    const p = pool([false]);
    await settled({ pool: p.pool as never }, 'hsb_search_pending');
    expect(p.asked).toEqual(['SELECT EXISTS (SELECT 1 FROM hsb_search_pending) AS pending']);
  });

  it('gives up with the queue named when it is never emptied', async () => {
    const p = pool(Array(100).fill(true));
    await expect(settled({ pool: p.pool as never }, 'audit_pending', 25)).rejects.toThrow('audit_pending was not emptied within 0.025 s');
  });
});
