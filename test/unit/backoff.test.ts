import { expect } from 'chai';
import { withBackoff } from '../../config/backoff';

describe('waiting for a dependency with backoff', () => {
  const quiet = { warn: () => undefined };

  it('when the dependency answers on the fourth attempt, then the waits double up to the cap and the answer comes back', async () => {
    const waits: number[] = [];
    let calls = 0;
    const answer = await withBackoff('temporal', async () => {
      calls += 1;
      if (calls < 4) throw new Error('connection refused');
      return 'connected';
    }, quiet, { initialMs: 1000, maxMs: 3000, sleep: async (ms) => { waits.push(ms); } });
    expect(answer).to.equal('connected');
    expect(waits).to.deep.equal([1000, 2000, 3000]);
  });

  it('when the attempts run out, then the last error is thrown', async () => {
    let calls = 0;
    const outcome = await withBackoff('temporal', async () => {
      calls += 1;
      throw new Error(`refused ${calls}`);
    }, quiet, { attempts: 3, sleep: async () => undefined }).catch((err: Error) => err.message);
    expect(outcome).to.equal('refused 3');
  });
});
