import { DomainError, type Forbund } from '#domain';

/**
 * A förbund goal belongs to one place: the whole förbund (grupp null) or one grupp. Each is
 * its own resource (`/forbund/mal/:malId`, `/grupper/:grupp/mal/:malId`), so setting an id
 * that lives in the other place would move it unseen, and removing it from the wrong place
 * must not remove it.
 */
export const kravSammaPlatsVidSatt = (
  state: Forbund,
  malId: string,
  grupp: string | null,
): void => {
  const befintligt = state.mal[malId];
  if (befintligt && befintligt.grupp !== grupp)
    throw new DomainError(
      'MAL.ANNAN_PLATS',
      befintligt.grupp === null
        ? 'Målet är ett mål för hela förbundet; ta bort det där först'
        : `Målet hör till gruppen ${befintligt.grupp}; ta bort det där först`,
      { malId, grupp: befintligt.grupp },
    );
};

/** Removing a goal through a place it does not belong to answers as for an unknown goal. */
export const kravSammaPlatsVidBorttag = (
  state: Forbund,
  malId: string,
  grupp: string | null,
): void => {
  const befintligt = state.mal[malId];
  if (befintligt && befintligt.grupp !== grupp)
    throw new DomainError('MAL.FINNS_INTE', 'Målet finns inte', { malId });
};
