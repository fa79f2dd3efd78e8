import {
  decideInsats,
  evolveInsats,
  initialInsats,
  type InsatsAndrad,
  type InsatsEvent,
} from '../insats/insats.js';
import {
  decodeDeltagandeEvent,
  decodeForbundEvent,
  decodeInsatsEvent,
  UnknownEventTypeError,
  type StoredEvent,
} from './decode.js';

/** An InsatsSkapad as stored before version 2: no grupp, no ordning. */
const SKAPAD_V1 = {
  insatsId: '6d1f0c3e-2f6a-4b8e-9c61-0a8f4e2b7d10',
  forbundId: '0b6f2a44-3c1d-4e5f-8a9b-7c6d5e4f3a2b',
  namn: 'Ung i Tyresö',
  inriktning: 'individinriktad',
  matmetod: 'individ',
  startdatum: '2019-01-01',
  slutdatum: null,
  utforare: null,
  malgrupp: null,
};

/** Stored data is plain JSON: what the store gives back after a round trip. */
const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  type,
  data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
});

describe('decodeInsatsEvent', () => {
  it('upcasts an InsatsSkapad without grupp and ordning to null for both', () => {
    expect(decodeInsatsEvent(stored('InsatsSkapad', SKAPAD_V1))).toEqual({
      type: 'InsatsSkapad',
      data: { ...SKAPAD_V1, grupp: null, ordning: null },
    });
  });

  it('keeps grupp and ordning of an InsatsSkapad that has them', () => {
    const data = { ...SKAPAD_V1, grupp: 'Rätt stöd för mig', ordning: 3 };
    expect(decodeInsatsEvent(stored('InsatsSkapad', data))).toEqual({ type: 'InsatsSkapad', data });
  });

  it('upcasts a VolymRegistrerad without kommun to kommun null', () => {
    const data = { datum: '2020-03-12', kvinnor: 12, man: 8, ejAngivet: 1, aktivitet: null };
    expect(decodeInsatsEvent(stored('VolymRegistrerad', data))).toEqual({
      type: 'VolymRegistrerad',
      data: { ...data, kommun: null },
    });
  });

  it('keeps the kommun of a VolymRegistrerad that has one', () => {
    const data = {
      datum: '2025-03-12',
      kvinnor: 1,
      man: 0,
      ejAngivet: 0,
      aktivitet: 'Föreläsning',
      kommun: '1462',
    };
    expect(decodeInsatsEvent(stored('VolymRegistrerad', data)).data).toEqual(data);
  });

  it('reads an old ArsmalSatt with all three parts as it is', () => {
    const data = { ar: 2020, deltagare: 45, nyaDeltagare: 30, andelArbeteStudier: 0.35 };
    expect(decodeInsatsEvent(stored('ArsmalSatt', data))).toEqual({ type: 'ArsmalSatt', data });
  });

  it('reads the version 2 events as they are', () => {
    const mal = {
      malId: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a090',
      matt: 'nya',
      fran: '2020-01-01',
      till: '2022-06-30',
      varde: 330,
    };
    expect(decodeInsatsEvent(stored('MalSatt', mal))).toEqual({ type: 'MalSatt', data: mal });
    expect(decodeInsatsEvent(stored('MalBorttaget', { malId: mal.malId }))).toEqual({
      type: 'MalBorttaget',
      data: { malId: mal.malId },
    });
    expect(decodeInsatsEvent(stored('EkonomiSatt', { ar: 2020, kostnad: 1_693_787 }))).toEqual({
      type: 'EkonomiSatt',
      data: { ar: 2020, kostnad: 1_693_787 },
    });
  });

  it('returns only type and data, not the rest of the stored record', () => {
    const recorded = { ...stored('InsatsAvslutad', { slutdatum: '2025-06-30' }), revision: 4 };
    expect(decodeInsatsEvent(recorded)).toEqual({
      type: 'InsatsAvslutad',
      data: { slutdatum: '2025-06-30' },
    });
  });

  it('refuses a type the insats stream does not have, naming stream kind and type', () => {
    const decode = () => decodeInsatsEvent(stored('DeltagareInskriven', {}));
    expect(decode).toThrow(UnknownEventTypeError);
    expect(decode).toThrow('Okänd händelsetyp i en insats-ström: DeltagareInskriven');
  });

  it('refuses a type named like a property every object has', () => {
    expect(() => decodeInsatsEvent(stored('toString', {}))).toThrow(
      'Okänd händelsetyp i en insats-ström: toString',
    );
  });

  it('lets an insats created before version 2 be changed as if grupp had always been null', () => {
    const state = [stored('InsatsSkapad', SKAPAD_V1)]
      .map(decodeInsatsEvent)
      .reduce(evolveInsats, initialInsats());
    expect(state.grupp).toBeNull();
    expect(state.ordning).toBeNull();
    const andra = (data: InsatsAndrad['data']) =>
      decideInsats({ type: 'AndraInsats', data, context: { idag: '2025-01-01' } }, state);
    // Without the upcast grupp would be undefined, and "set it to null" would be a change.
    expect(() => andra({ grupp: null })).toThrow(
      expect.objectContaining({ code: 'INSATS.ANDRAR_INGET' }),
    );
    expect(andra({ grupp: null, ordning: 2 })).toEqual<InsatsEvent[]>([
      { type: 'InsatsAndrad', data: { ordning: 2 } },
    ]);
  });
});

describe('decodeDeltagandeEvent', () => {
  it('reads a RemissMottagen as stored', () => {
    const data = {
      deltagandeId: 'b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      insatsId: SKAPAD_V1.insatsId,
      person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138', personId: null },
      datum: '2025-02-03',
      remittent: 'af',
      remittentEnhet: null,
    };
    expect(decodeDeltagandeEvent(stored('RemissMottagen', data))).toEqual({
      type: 'RemissMottagen',
      data,
    });
  });

  it('refuses an insats event, naming the deltagande stream', () => {
    expect(() => decodeDeltagandeEvent(stored('VolymRegistrerad', {}))).toThrow(
      'Okänd händelsetyp i en deltagande-ström: VolymRegistrerad',
    );
  });
});

describe('decodeForbundEvent', () => {
  it('reads a goal of a grupp and the removal of a goal', () => {
    const data = {
      malId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      grupp: 'Unga vuxna-teamen',
      matt: 'nya',
      fran: '2020-01-01',
      till: '2020-12-31',
      varde: 315,
    };
    expect(decodeForbundEvent(stored('MalSatt', data))).toEqual({ type: 'MalSatt', data });
    expect(decodeForbundEvent(stored('MalBorttaget', { malId: data.malId }))).toEqual({
      type: 'MalBorttaget',
      data: { malId: data.malId },
    });
  });

  it('refuses an insats-only event, naming the forbund stream', () => {
    expect(() => decodeForbundEvent(stored('EkonomiSatt', { ar: 2020 }))).toThrow(
      'Okänd händelsetyp i en forbund-ström: EkonomiSatt',
    );
  });
});
