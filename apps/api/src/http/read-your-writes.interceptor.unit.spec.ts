import type { EventStore } from '#event-store';
import type { ProjectionRunner } from '#projections';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { jest } from '@jest/globals';
import { lastValueFrom, of } from 'rxjs';
import { ProjectionLagError } from './application-errors.js';
import {
  DELAYED_HEADER,
  READ_YOUR_WRITES_TIMEOUT_MS,
  ReadYourWritesInterceptor,
} from './read-your-writes.interceptor.js';

/** A runner that never reaches the head within the wait it is given. */
const lagging = (state: { bulkWriteRunning: boolean; delayedByBulkWrite: boolean }) => {
  const waitUntil = jest.fn(async (_position: number, _timeoutMs: number) => false);
  const runner = { ...state, stall: undefined, position: 41, waitUntil };
  return { runner: runner as unknown as ProjectionRunner, waitUntil };
};

const read = async (runner: ProjectionRunner): Promise<Record<string, string>> => {
  const headers: Record<string, string> = {};
  const http = {
    getRequest: () => ({ method: 'GET', user: { id: 'u1' } }),
    getResponse: () => ({ setHeader: (name: string, value: string) => (headers[name] = value) }),
  };
  const context = { switchToHttp: () => http } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of('svar') };
  const store = { headPosition: async () => 99 } as unknown as EventStore;
  await lastValueFrom(new ReadYourWritesInterceptor(store, runner).intercept(context, next));
  return headers;
};

describe('ReadYourWritesInterceptor', () => {
  it('answers 503 when the projections lag behind for no reason it knows of', async () => {
    const { runner } = lagging({ bulkWriteRunning: false, delayedByBulkWrite: false });
    await expect(read(runner)).rejects.toBeInstanceOf(ProjectionLagError);
  });

  it('while an import writes, answers at once from the read models, marked delayed', async () => {
    const { runner, waitUntil } = lagging({ bulkWriteRunning: true, delayedByBulkWrite: true });
    expect(await read(runner)).toEqual({ [DELAYED_HEADER]: '41' });
    expect(waitUntil).toHaveBeenCalledWith(99, 0);
  });

  it('while the projections catch up after an import, waits as usual, then answers marked delayed', async () => {
    const { runner, waitUntil } = lagging({ bulkWriteRunning: false, delayedByBulkWrite: true });
    expect(await read(runner)).toEqual({ [DELAYED_HEADER]: '41' });
    expect(waitUntil).toHaveBeenCalledWith(99, READ_YOUR_WRITES_TIMEOUT_MS);
  });
});
