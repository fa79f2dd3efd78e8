/**
 * The read models stand still before an event they cannot apply (GET /health answers 503 with
 * `details.projection.status: 'stannad'`): lists and statistics lack what was recorded since.
 */
export interface LasmodellForsening {
  /** When the first change the read models lack was recorded (ISO 8601). */
  sedan: string;
}

/** The delay in a /health answer, if it names one; anything else (up, down, odd) is none. */
export const forseningIHalsa = (svar: unknown): LasmodellForsening | undefined => {
  const projection = (svar as { details?: { projection?: { status?: unknown; sedan?: unknown } } })
    ?.details?.projection;
  if (projection?.status !== 'stannad' || typeof projection.sedan !== 'string') return undefined;
  return { sedan: projection.sedan };
};

const TIDPUNKT = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

export const forseningsText = ({ sedan }: LasmodellForsening): string =>
  `Siffrorna är försenade: det som registrerats sedan ${TIDPUNKT.format(new Date(sedan))} syns ännu inte i listor och statistik. Det du registrerar sparas och kommer med när felet är åtgärdat.`;

/**
 * The read models lag by design, not by a fault: an import writes, and they catch up after it
 * (reads are answered marked `X-Lasmodell-Forsenad` meanwhile). A calm notice, not an error.
 */
export const UPPDATERINGS_TEXT =
  'Siffrorna uppdateras: en import läses in, och det senast registrerade syns i listor och statistik om en stund. Det du registrerar sparas som vanligt.';
