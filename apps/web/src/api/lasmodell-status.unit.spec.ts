import { describe, expect, it, jest } from '@jest/globals';
import {
  eftersladIHalsa,
  FORSENAD_HEADER,
  forsenadISvar,
  lasmodellStatus,
} from './lasmodell-status';

const svar = (ok: boolean, headers: Record<string, string> = {}) => ({
  ok,
  headers: new Headers(headers),
});

describe('forsenadISvar', () => {
  it('a read marked by the API says the read models lag', () => {
    expect(forsenadISvar('GET', svar(true, { [FORSENAD_HEADER]: '41' }))).toBe(true);
    // Header names are case-insensitive (HTTP/2 and proxies send them in lower case).
    expect(forsenadISvar('GET', svar(true, { 'x-lasmodell-forsenad': '0' }))).toBe(true);
  });

  it('an unmarked read says they have caught up', () => {
    expect(forsenadISvar('GET', svar(true))).toBe(false);
  });

  it('a write or a failed read says nothing (the API marks only the reads it answers)', () => {
    expect(forsenadISvar('POST', svar(true))).toBeUndefined();
    expect(forsenadISvar('PATCH', svar(true, { [FORSENAD_HEADER]: '41' }))).toBeUndefined();
    expect(forsenadISvar('GET', svar(false))).toBeUndefined();
  });
});

describe('eftersladIHalsa', () => {
  it('reads projectionLag from a healthy answer and from a 503', () => {
    expect(eftersladIHalsa({ status: 'ok', projectionLag: 0 })).toBe(0);
    expect(eftersladIHalsa({ status: 'ok', projectionLag: 1200 })).toBe(1200);
    expect(eftersladIHalsa({ message: 'x', details: { projectionLag: 7 } })).toBe(7);
  });

  it('anything else (store down, odd answer) is no figure', () => {
    expect(eftersladIHalsa({ status: 'error', projectionLag: null })).toBeUndefined();
    expect(eftersladIHalsa({})).toBeUndefined();
    expect(eftersladIHalsa(null)).toBeUndefined();
    expect(eftersladIHalsa('ok')).toBeUndefined();
  });
});

describe('lasmodellStatus', () => {
  it('shows the delay from the first marked read until something says they caught up', () => {
    const lyssna = jest.fn();
    const sluta = lasmodellStatus.prenumerera(lyssna);
    try {
      expect(lasmodellStatus.forsenad()).toBe(false);
      lasmodellStatus.rapportera(true);
      expect(lasmodellStatus.forsenad()).toBe(true);
      expect(lyssna).toHaveBeenCalledTimes(1);

      // Another marked read, or a write that says nothing, changes nothing.
      lasmodellStatus.rapportera(true);
      lasmodellStatus.rapportera(undefined);
      expect(lasmodellStatus.forsenad()).toBe(true);
      expect(lyssna).toHaveBeenCalledTimes(1);

      lasmodellStatus.rapportera(false);
      expect(lasmodellStatus.forsenad()).toBe(false);
      expect(lyssna).toHaveBeenCalledTimes(2);
    } finally {
      sluta();
    }
    lasmodellStatus.rapportera(true);
    expect(lyssna).toHaveBeenCalledTimes(2);
    lasmodellStatus.rapportera(false);
  });
});
