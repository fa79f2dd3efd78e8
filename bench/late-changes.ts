/**
 * A month of late registrations and corrections (issue 13's `forandringar` figure), shared by
 * `bench:statistik` and `forandringar-profile`: every LATE_STRIDE-th deltagande of a
 * StatistikDataset gets one late command through the decider (a late inskrivning or avslut, a
 * corrected avslutsorsak, a makulering), its events recorded spread over the 30 days after
 * `fore`.
 */
import {
  decideDeltagande,
  type Deltagande,
  type DeltagandeCommand,
  type DeltagandeEvent,
} from '#domain';
import type { EventStore } from '#event-store';
import { IDAG, type StatistikDataset } from './statistik-dataset.js';

/** Every LATE_STRIDE-th deltagande gets one late command in the month: 2 % of them. */
export const LATE_STRIDE = 50;
export const MONTH_MS = 30 * 24 * 3600 * 1000;

/** A late registration or correction of a deltagande as the deciders allow it; none if none fits. */
export const lateCommand = (
  state: Deltagande,
  index: number,
): { type: DeltagandeCommand['type']; data: object } | undefined => {
  if (state.status === 'makulerad' || state.status === 'aterremitterad') return undefined;
  if (index % (LATE_STRIDE * 10) === 0) {
    return { type: 'Makulera', data: { orsak: 'Dubblett upptäckt vid granskning' } };
  }
  if (state.avslut) {
    const avslutsorsak = state.avslut.avslutsorsak === 'arbete' ? 'studier' : 'arbete';
    return { type: 'KorrigeraAvslut', data: { orsak: 'Fel avslutsorsak', avslutsorsak } };
  }
  const plus = (datum: string, days: number): string => {
    const day = new Date(`${datum}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + days);
    const iso = day.toISOString().slice(0, 10);
    return iso < IDAG ? iso : IDAG;
  };
  if (state.inskrivning) {
    return {
      type: 'Avsluta',
      data: {
        datum: plus(state.inskrivning.datum, 180),
        avslutsorsak: 'arbetssokande',
        forsorjning: ['a-kassa'],
      },
    };
  }
  if (!state.remiss) return undefined;
  return {
    type: 'SkrivIn',
    data: {
      datum: plus(state.remiss.datum, 20),
      forsorjning: ['forsorjningsstod'],
      utbildningsniva: 'okand',
      tidIOffentligForsorjning: 'okand',
    },
  };
};

export interface LateChange {
  readonly streamId: string;
  /** The stream's revision before the late events. */
  readonly revision: number;
  readonly events: DeltagandeEvent[];
}

/** The late commands' events for the first `deltaganden` deltaganden of the dataset. */
export const planLateChanges = (dataset: StatistikDataset, deltaganden: number): LateChange[] => {
  const planned: LateChange[] = [];
  for (let index = 0; index < deltaganden; index += LATE_STRIDE) {
    const deltagande = dataset.deltagande(index);
    const command = lateCommand(deltagande.state, index);
    const insats = dataset.insatser.find((i) => i.insatsId === deltagande.state.insatsId);
    if (!command || !insats) continue;
    try {
      const events = decideDeltagande(
        { ...command, context: insats.context } as DeltagandeCommand,
        deltagande.state,
      );
      const revision = deltagande.appends.reduce((sum, a) => sum + a.events.length, 0) - 1;
      planned.push({ streamId: deltagande.streamId, revision, events });
    } catch {
      // A command the decider refuses for this state (a date before the inskrivning): none.
    }
  }
  return planned;
};

/** When the k-th (0-based) of `count` late changes is recorded: spread evenly over the month. */
export const lateRecordedAt = (fore: Date, k: number, count: number): Date =>
  new Date(fore.getTime() + (MONTH_MS / (count + 1)) * (k + 1));

/** Appends the late changes, recorded over the 30 days after `fore`, by `userId`. */
export const appendLateChanges = async (
  store: EventStore,
  planned: readonly LateChange[],
  fore: Date,
  userId: string,
): Promise<void> => {
  for (const [k, { streamId, revision, events }] of planned.entries()) {
    const recordedAt = lateRecordedAt(fore, k, planned.length);
    await store.appendToStream(
      streamId,
      events.map((event) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { userId, correlationId: streamId, causationId: streamId },
        recordedAt,
      })),
      { expectedRevision: revision },
    );
  }
};
