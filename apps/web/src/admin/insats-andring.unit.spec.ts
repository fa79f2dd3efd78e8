import type { Insats } from '../api/insats';
import { andringar, formularvarden } from './insats-andring';

const INSATS: Insats = {
  id: 'insats-1',
  namn: 'Bron',
  inriktning: 'individinriktad',
  matmetod: 'individ',
  startdatum: '2024-01-01',
  slutdatum: '2026-12-31',
  utforare: 'Arbetsförmedlingen',
  malgrupp: null,
  grupp: 'Rätt stöd för mig',
  ordning: 2,
  avslutad: false,
  revision: 4,
};

describe('andringar (the PATCH body of the edit form)', () => {
  it('sends nothing when the form holds the insats as it is', () => {
    expect(andringar(INSATS, formularvarden(INSATS))).toEqual({});
  });

  it('sends only what changed, trimmed, an emptied field as null and ordning as a number', () => {
    expect(
      andringar(INSATS, {
        namn: ' Bron 2.0 ',
        utforare: '',
        malgrupp: 'Unga vuxna',
        grupp: 'Rätt stöd för mig',
        ordning: '10',
        slutdatum: '',
      }),
    ).toEqual({
      namn: 'Bron 2.0',
      utforare: null,
      malgrupp: 'Unga vuxna',
      ordning: 10,
      slutdatum: null,
    });
  });

  it('clears ordning with null', () => {
    expect(andringar(INSATS, { ...formularvarden(INSATS), ordning: '' })).toEqual({
      ordning: null,
    });
  });

  it('never sends slutdatum for an ended insats, whose dates stay', () => {
    const avslutad = { ...INSATS, avslutad: true };
    expect(
      andringar(avslutad, { ...formularvarden(avslutad), slutdatum: '2027-01-01', grupp: '' }),
    ).toEqual({ grupp: null });
  });
});
