import { isCivilDate, yearOf, yearsLater } from '#domain';

/**
 * What one report may ask for. Every per-year part of a report (måluppfyllelse, årsmål) grows
 * with the number of calendar years in the period, times the insatser: unbounded, a period
 * of 10,000 years gave a 105 MB answer and a 3.2 GiB export. One rule for the API, the
 * export and the command line.
 */
export const MAX_PERIOD_YEARS = 10;
export const FORSTA_AR = 1900;
export const SISTA_AR = 2200;
export const MAX_INSATSER = 200;
export const MAX_ALDERSGRUPPER = 20;
export const MAX_ALDERSGRUPPER_TECKEN = 200;
/** The underlag lists deltaganden one by one: a count this large is no longer read by a person. */
export const MAX_UNDERLAG_RADER = 10_000;

/** Why a civil date cannot bound a report, or undefined when it can. */
export const reportDateProblem = (date: string): string | undefined => {
  if (!isCivilDate(date)) return 'måste vara ett datum YYYY-MM-DD';
  const ar = yearOf(date);
  if (ar < FORSTA_AR || ar > SISTA_AR) return `måste ligga mellan år ${FORSTA_AR} och ${SISTA_AR}`;
  return undefined;
};

/** Why [fran, till] is not a report period, in Swedish, or undefined when it is one. */
export const reportPeriodProblem = (fran: string, till: string): string | undefined => {
  const problem = reportDateProblem(fran) ?? reportDateProblem(till);
  if (problem) return `Periodens datum ${problem}`;
  if (till < fran) return 'till får inte vara före fran';
  if (till >= yearsLater(fran, MAX_PERIOD_YEARS)) {
    return `Perioden får vara högst ${MAX_PERIOD_YEARS} år`;
  }
  return undefined;
};

/** Why an "as known at" moment cannot be used, or undefined when it can. */
export const asOfProblem = (asOf: string): string | undefined => {
  const moment = new Date(asOf);
  if (Number.isNaN(moment.getTime())) return 'asOf måste vara en tidpunkt (ISO 8601)';
  const ar = moment.getUTCFullYear();
  if (ar < FORSTA_AR || ar > SISTA_AR) {
    return `asOf måste ligga mellan år ${FORSTA_AR} och ${SISTA_AR}`;
  }
  return undefined;
};

/** A request for more than a report may give; the client can ask for less (400). */
export class ReportLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportLimitError';
  }
}

/** A report period that breaks the rules above (for callers without a DTO layer). */
export class ReportPeriodError extends ReportLimitError {
  constructor(message: string) {
    super(message);
    this.name = 'ReportPeriodError';
  }
}

export class UnderlagTooLargeError extends ReportLimitError {
  constructor() {
    super(
      `Underlaget har fler än ${String(MAX_UNDERLAG_RADER).replace(/\B(?=(\d{3})+$)/g, ' ')} deltaganden; välj en kortare period, en insats eller ett kön`,
    );
    this.name = 'UnderlagTooLargeError';
  }
}
