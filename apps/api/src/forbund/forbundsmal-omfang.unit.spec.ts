import { DomainError, type Forbund } from '#domain';
import { kravSammaPlatsVidBorttag, kravSammaPlatsVidSatt } from './forbundsmal-omfang.js';

const MAL = { matt: 'nya' as const, fran: '2020-01-01', till: '2020-12-31', varde: 315 };
const state: Forbund = {
  mal: {
    helt: { ...MAL, grupp: null },
    unga: { ...MAL, grupp: 'Unga vuxna-teamen' },
  },
};

const code = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
};

describe('a förbund goal stays in its place', () => {
  it('may be set again where it is, or anywhere when new', () => {
    expect(code(() => kravSammaPlatsVidSatt(state, 'helt', null))).toBeUndefined();
    expect(code(() => kravSammaPlatsVidSatt(state, 'unga', 'Unga vuxna-teamen'))).toBeUndefined();
    expect(code(() => kravSammaPlatsVidSatt(state, 'ny', 'Bron'))).toBeUndefined();
  });

  it('is not moved to the förbund, to another grupp, or from the förbund to a grupp', () => {
    expect(code(() => kravSammaPlatsVidSatt(state, 'unga', null))).toBe('MAL.ANNAN_PLATS');
    expect(code(() => kravSammaPlatsVidSatt(state, 'unga', 'Bron'))).toBe('MAL.ANNAN_PLATS');
    expect(code(() => kravSammaPlatsVidSatt(state, 'helt', 'Bron'))).toBe('MAL.ANNAN_PLATS');
  });

  it('is removed only where it is; elsewhere it is unknown', () => {
    expect(
      code(() => kravSammaPlatsVidBorttag(state, 'unga', 'Unga vuxna-teamen')),
    ).toBeUndefined();
    expect(code(() => kravSammaPlatsVidBorttag(state, 'unga', null))).toBe('MAL.FINNS_INTE');
    expect(code(() => kravSammaPlatsVidBorttag(state, 'helt', 'Bron'))).toBe('MAL.FINNS_INTE');
    // An unknown goal is the decider's to refuse.
    expect(code(() => kravSammaPlatsVidBorttag(state, 'okand', null))).toBeUndefined();
  });
});
