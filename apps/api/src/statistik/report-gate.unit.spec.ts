import { ReportGate, ReportsBusyError } from './report-gate.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('ReportGate', () => {
  it('runs two at once, queues two, turns the fifth away, and admits the queue in order', async () => {
    const gate = new ReportGate({ running: 2, queued: 2, waitMs: 10_000 });
    const started: number[] = [];
    const finish = [deferred(), deferred(), deferred(), deferred()];
    const runs = finish.map((f, i) =>
      gate.run(async () => {
        started.push(i);
        await f.promise;
        return i;
      }),
    );
    await expect(gate.run(async () => 'femte')).rejects.toBeInstanceOf(ReportsBusyError);
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    finish[1]!.resolve();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    finish.forEach((f) => f.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(await gate.run(async () => 'sedan')).toBe('sedan');
  });

  it('turns a queued report away after the longest wait, with a Swedish message', async () => {
    const gate = new ReportGate({ running: 1, queued: 1, waitMs: 20 });
    const forst = deferred();
    const running = gate.run(() => forst.promise);
    await expect(gate.run(async () => 'andra')).rejects.toThrow(
      'Många rapporter körs just nu; försök igen om en stund',
    );
    forst.resolve();
    await running;
    expect(await gate.run(async () => 'tredje')).toBe('tredje');
  });

  it('frees the place of a report that fails', async () => {
    const gate = new ReportGate({ running: 1, queued: 0, waitMs: 10 });
    await expect(gate.run(() => Promise.reject(new Error('fel')))).rejects.toThrow('fel');
    expect(await gate.run(async () => 'nasta')).toBe('nasta');
  });
});
