import { jest } from '@jest/globals';
import { insatsDecider, insatsStream, type InsatsCommand } from '#domain';
import { InMemoryEventStore, type NewEvent } from '#event-store';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandMetadata } from '../commands/command-metadata.js';
import { StreamCommandRunner } from '../commands/stream-command-runner.js';
import { NotFoundError } from '../http/application-errors.js';
import { INSATS_COPY_MS, InsatsAccess } from './insats-access.js';

const INSATS = '00000000-0000-4000-8000-000000000001';
const FORBUND = '00000000-0000-4000-8000-0000000000f1';
const metadata = { userId: 'admin', correlationId: 'c', causationId: 'c' };

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  type,
  data,
  metadata,
});

const commandMetadata: CommandMetadata = {
  user: { id: 'admin', forbundId: FORBUND, roll: 'admin', systemadmin: false, insatser: [] },
  correlationId: 'c',
  causationId: 'c',
  ifMatch: undefined,
  newId: INSATS,
};

describe('InsatsAccess.stateInForbund: the insats a deltagande command decides against', () => {
  let store: InMemoryEventStore;
  let runner: StreamCommandRunner;
  let access: InsatsAccess;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    runner = new StreamCommandRunner(store);
    access = new InsatsAccess(runner);
    await store.appendToStream(
      insatsStream(INSATS),
      [
        event('InsatsSkapad', {
          insatsId: INSATS,
          forbundId: FORBUND,
          namn: 'Ung i Tyresö',
          inriktning: 'individinriktad',
          matmetod: 'individ',
          startdatum: '2024-01-01',
          slutdatum: null,
          utforare: null,
          malgrupp: null,
        }),
      ],
      { expectedRevision: 'no-stream' },
    );
  });

  const avsluta = async (): Promise<void> => {
    const loaded = await access.loadInForbund(INSATS, FORBUND);
    const command: InsatsCommand = {
      type: 'AvslutaInsats',
      data: { slutdatum: '2025-12-31' },
      context: { idag: '2026-01-01', oppnaDeltaganden: [], senasteDeltagandedatum: null },
    };
    await runner.decideAndAppend(
      insatsStream(INSATS),
      INSATS,
      insatsDecider,
      loaded,
      command,
      commandMetadata,
    );
  };

  it('sees a change this process appended at once', async () => {
    expect((await access.stateInForbund(INSATS, FORBUND)).avslutad).toBe(false);

    await avsluta();

    expect((await access.stateInForbund(INSATS, FORBUND)).avslutad).toBe(true);
  });

  it('sees a change another process appended within INSATS_COPY_MS', async () => {
    expect((await access.stateInForbund(INSATS, FORBUND)).avslutad).toBe(false);

    await store.appendToStream(
      insatsStream(INSATS),
      [event('InsatsAvslutad', { slutdatum: '2025-12-31' })],
      { expectedRevision: 0 },
    );
    await sleep(INSATS_COPY_MS + 50);

    expect((await access.stateInForbund(INSATS, FORBUND)).avslutad).toBe(true);
  });

  it("answers 404 for another förbund's insats and for an unknown id, from a copy too", async () => {
    await access.stateInForbund(INSATS, FORBUND);

    await expect(access.stateInForbund(INSATS, 'another-forbund')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      access.stateInForbund('00000000-0000-4000-8000-000000000099', FORBUND),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the stream once for commands that arrive while it is read, and again after a change', async () => {
    const reads = jest.spyOn(store, 'readStream');

    const states = await Promise.all(
      Array.from({ length: 16 }, () => access.stateInForbund(INSATS, FORBUND)),
    );
    expect(states.map((state) => state.avslutad)).toEqual(Array(16).fill(false));
    expect(reads).toHaveBeenCalledTimes(1);

    await avsluta(); // loads the stream itself: one read
    const after = await Promise.all([
      access.stateInForbund(INSATS, FORBUND),
      access.stateInForbund(INSATS, FORBUND),
    ]);
    expect(after.map((state) => state.avslutad)).toEqual([true, true]);
    expect(reads).toHaveBeenCalledTimes(3);
  });
});
