import { UTFALL_FOR_AVSLUTSORSAK } from '#domain';
import { oversiktFor } from './oversikt.js';
import type { Andel, Antal, ByKon, StatistikReport, StatistikTables } from './report.js';

/** The mark of a count 1–4 (primary suppression). */
export const SKYDDAD = '<5' as const;
/**
 * The mark of a count hidden only so that a "<5" cannot be recomputed from a sum it is part of
 * (secondary suppression), as in official Swedish statistics.
 */
export const DOLD = '..' as const;

/** Whether a count is shown as a mark instead of a number. */
export const isDold = (antal: Antal): antal is typeof SKYDDAD | typeof DOLD =>
  antal === SKYDDAD || antal === DOLD;

const KONER = ['kvinna', 'man', 'ejAngivet'] as const;
const KOLUMNER = [...KONER, 'totalt'] as const;

interface Cell {
  /** null: the input already showed it as "<5" or "..". */
  readonly value: number | null;
  /** Primary: 1–4 (or already marked "<5"); the mark it gets is "<5". */
  readonly primary: boolean;
  suppressed: boolean;
  /** Writes the cell's mark into the copy being protected. */
  readonly hide: (mark: Antal) => void;
}

/** Counts that add up: the parts sum to the total (or bound it, see försörjning). */
interface Sum {
  readonly parts: readonly Cell[];
  readonly total: Cell;
}

/** A share of counts in the report; it would reveal them, so it goes when one of them does. */
interface Share {
  readonly from: readonly Cell[];
  readonly hide: () => void;
}

type KonCells = Record<keyof ByKon, Cell>;

/** The cells of one insats or of the whole förbund, by a path that is the same in each. */
class Scope {
  readonly cells = new Map<string, Cell>();

  constructor(private readonly skydd: Skydd) {}

  count(path: string, antal: Antal, set: (antal: Antal) => void): Cell {
    const primary = antal === SKYDDAD || (typeof antal === 'number' && antal >= 1 && antal <= 4);
    const cell: Cell = {
      value: isDold(antal) ? null : antal,
      primary,
      suppressed: primary || antal === DOLD,
      hide: set,
    };
    this.cells.set(path, cell);
    this.skydd.cells.push(cell);
    return cell;
  }

  /** A row of kön cells: kvinna + man + ej angivet = totalt. */
  byKon(path: string, antal: ByKon): KonCells {
    const cells = {} as KonCells;
    for (const kolumn of KOLUMNER) {
      cells[kolumn] = this.count(`${path}.${kolumn}`, antal[kolumn], (value) => {
        antal[kolumn] = value;
      });
    }
    this.sum(
      KONER.map((kon) => cells[kon]),
      cells.totalt,
    );
    return cells;
  }

  /** The kön cells registered under a path, if any. */
  konCells(path: string): KonCells | undefined {
    const cells = KOLUMNER.map((kolumn) => this.cells.get(`${path}.${kolumn}`));
    if (cells.some((cell) => cell === undefined)) return undefined;
    return Object.fromEntries(KOLUMNER.map((kolumn, i) => [kolumn, cells[i]!])) as KonCells;
  }

  sum(parts: readonly Cell[], total: Cell): void {
    this.skydd.sum(parts, total);
  }

  share(from: readonly Cell[], hide: () => void): void {
    this.skydd.share(from, hide);
  }

  /** Rows of kön cells summing, column by column, to a total row. */
  columns(rows: readonly KonCells[], total: KonCells): void {
    for (const kolumn of KOLUMNER) {
      this.sum(
        rows.map((row) => row[kolumn]),
        total[kolumn],
      );
    }
  }

  shareByKon(antal: KonCells, of: KonCells, andel: ByKon<Andel>): void {
    for (const kolumn of KOLUMNER) {
      this.share([antal[kolumn], of[kolumn]], () => {
        andel[kolumn] = null;
      });
    }
  }
}

class Skydd {
  readonly cells: Cell[] = [];
  readonly sums: Sum[] = [];
  readonly shares: Share[] = [];

  scope(): Scope {
    return new Scope(this);
  }

  sum(parts: readonly Cell[], total: Cell): void {
    // A list with no rows (perKommun when nothing came in) states no sum.
    if (parts.length > 0) this.sums.push({ parts, total });
  }

  share(from: readonly Cell[], hide: () => void): void {
    this.shares.push({ from, hide });
  }

  /**
   * A sum with exactly one suppressed cell gives it away (total minus the others), so the
   * smallest other non-zero cell of that sum goes too; repeat until no sum has a lone one.
   * Only ever adds suppressions, so it ends.
   */
  suppress(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const { parts, total } of this.sums) {
        const cells = [...parts, total];
        if (cells.filter((cell) => cell.suppressed).length !== 1) continue;
        const next = smallestShown(cells);
        if (next) {
          next.suppressed = true;
          changed = true;
        }
      }
    }
    for (const cell of this.cells) if (cell.suppressed) cell.hide(cell.primary ? SKYDDAD : DOLD);
    for (const share of this.shares) if (share.from.some((cell) => cell.suppressed)) share.hide();
  }
}

/** The first smallest shown non-zero cell; parts come before the total, so a part wins a tie. */
const smallestShown = (cells: readonly Cell[]): Cell | undefined => {
  let best: { cell: Cell; value: number } | undefined;
  for (const cell of cells) {
    if (cell.suppressed || cell.value === null || cell.value === 0) continue;
    if (best === undefined || cell.value < best.value) best = { cell, value: cell.value };
  }
  return best?.cell;
};

const registerTables = (scope: Scope, tables: StatistikTables): void => {
  const d = tables.deltagare;
  const aktuella = scope.byKon('deltagare.aktuella', d.aktuella);
  const nya = scope.byKon('deltagare.nya', d.nya);
  const overforda = scope.byKon('deltagare.overforda', d.overforda);
  const avslutade = scope.byKon('deltagare.avslutade', d.avslutade);
  const pagaende = scope.byKon('deltagare.pagaende', d.pagaende);
  // DESIGN.md: aktuella = nya + överförda; and avslutade ⊆ aktuella, the rest are pågående.
  scope.columns([nya, overforda], aktuella);
  scope.columns([avslutade, pagaende], aktuella);

  // Bands that leave ages out only bound the total; a bound narrows a cell down all the same.
  const grupper = tables.aldersgrupper.map((rad) => ({
    aktuella: scope.byKon(`aldersgrupp.${rad.grupp}.aktuella`, rad.aktuella),
    nya: scope.byKon(`aldersgrupp.${rad.grupp}.nya`, rad.nya),
  }));
  scope.columns(
    grupper.map((grupp) => grupp.aktuella),
    aktuella,
  );
  scope.columns(
    grupper.map((grupp) => grupp.nya),
    nya,
  );

  const r = tables.remisser;
  const mottagna = scope.byKon('remisser.mottagna', r.mottagna);
  scope.byKon('remisser.aterremitterade', r.aterremitterade);
  scope.byKon('remisser.vantande', r.vantande);
  scope.columns(
    r.perRemittent.map((rad) => scope.byKon(`remisser.remittent.${rad.remittent}`, rad.antal)),
    mottagna,
  );
  scope.columns(
    r.perKommun.map((rad) => scope.byKon(`remisser.kommun.${rad.kommun}`, rad.antal)),
    mottagna,
  );

  const nyaPerRemittent = tables.nyaPerRemittent.map((rad) => {
    const cell = scope.count(`nyaPerRemittent.${rad.remittent}`, rad.antal, (value) => {
      rad.antal = value;
    });
    scope.share([cell, nya.totalt], () => {
      rad.andel = null;
    });
    return cell;
  });
  scope.sum(nyaPerRemittent, nya.totalt);

  const u = tables.utfall;
  const orsaker = u.perAvslutsorsak.map((rad) => {
    const cells = scope.byKon(`utfall.avslutsorsak.${rad.avslutsorsak}`, rad.antal);
    scope.share([cells.totalt, avslutade.totalt], () => {
      rad.andel = null;
    });
    return { grupp: UTFALL_FOR_AVSLUTSORSAK[rad.avslutsorsak], cells };
  });
  scope.columns(
    orsaker.map((orsak) => orsak.cells),
    avslutade,
  );
  const utfallsgrupper = u.perGrupp.map((rad) => {
    const cells = scope.byKon(`utfall.grupp.${rad.grupp}`, rad.antal);
    scope.shareByKon(cells, avslutade, rad.andel);
    scope.columns(
      orsaker.filter((orsak) => orsak.grupp === rad.grupp).map((orsak) => orsak.cells),
      cells,
    );
    return { grupp: rad.grupp, cells };
  });
  scope.columns(
    utfallsgrupper.map((grupp) => grupp.cells),
    avslutade,
  );
  const arbeteEllerStudier = scope.byKon('utfall.arbeteEllerStudier', u.arbeteEllerStudier.antal);
  scope.shareByKon(arbeteEllerStudier, avslutade, u.arbeteEllerStudier.andel);
  scope.columns(
    utfallsgrupper
      .filter((grupp) => grupp.grupp === 'arbete' || grupp.grupp === 'studier')
      .map((grupp) => grupp.cells),
    arbeteEllerStudier,
  );

  const f = tables.forsorjning;
  const forsorjningAvslutade = scope.byKon('forsorjning.avslutade', f.avslutade);
  // The same count as deltagare.avslutade: a sum of one part keeps the two alike.
  scope.columns([avslutade], forsorjningAvslutade);
  // A person may hold several codes, so the rows may sum past avslutade. Treated as a sum all
  // the same: most hold one code, and the bound alone narrows a lone suppressed cell down.
  const koder = f.rader.map((rad) => ({
    in: scope.byKon(`forsorjning.${rad.kod}.inskrivning`, rad.vidInskrivning),
    ut: scope.byKon(`forsorjning.${rad.kod}.avslut`, rad.vidAvslut),
  }));
  scope.columns(
    koder.map((kod) => kod.in),
    forsorjningAvslutade,
  );
  scope.columns(
    koder.map((kod) => kod.ut),
    forsorjningAvslutade,
  );
  // Pairs count a person once per combination of codes, so they have no total in the report.
  for (const rad of f.overgangar) {
    scope.count(`forsorjning.overgang.${rad.fran}.${rad.till}`, rad.antal, (value) => {
      rad.antal = value;
    });
  }

  // Follow-ups by sysselsättning have no total in the report: only their kön rows add up.
  for (const rad of tables.uppfoljning) {
    scope.byKon(`uppfoljning.${rad.manaderEfterAvslut}.${rad.sysselsattning}`, rad.antal);
  }

  scope.byKon('volym', tables.volym);

  for (const rad of tables.maluppfyllelse) {
    const aktuellaAr = scope.count(
      `maluppfyllelse.${rad.ar}.aktuella`,
      rad.utfall.aktuella,
      (v) => {
        rad.utfall.aktuella = v;
      },
    );
    scope.count(`maluppfyllelse.${rad.ar}.nya`, rad.utfall.nya, (v) => {
      rad.utfall.nya = v;
    });
    // The year's avslutade are among its aktuella: with those suppressed the share rests on
    // fewer than five people.
    scope.share([aktuellaAr], () => {
      rad.utfall.andelArbeteStudier = null;
    });
  }

  // Kronor are no counts; a cost per person gives its count back (kostnad / per person).
  for (const rad of tables.ekonomi) {
    const aktuellaAr = scope.count(`ekonomi.${rad.ar}.aktuella`, rad.aktuella, (v) => {
      rad.aktuella = v;
    });
    const nyaAr = scope.count(`ekonomi.${rad.ar}.nya`, rad.nya, (v) => {
      rad.nya = v;
    });
    scope.share([aktuellaAr], () => {
      rad.kostnadPerDeltagare = null;
    });
    scope.share([nyaAr], () => {
      rad.kostnadPerNyDeltagare = null;
    });
  }
  registerKommunerOchEnheter(scope, tables);
  registerMal(scope, tables);
};

/**
 * The kommun table splits the remisser's and deltagare's counts by kommun, so each column
 * sums to the count it splits (every deltagande has a kommun); its mottagna are the remisser
 * table's perKommun again, held alike by a sum of one part. Nya per remittent and enhet sum
 * to nya per remittent. Inskrivna have no total in the report: only kön and insatser add up.
 */
const registerKommunerOchEnheter = (scope: Scope, tables: StatistikTables): void => {
  const rader = tables.kommuner.map((rad) => {
    const path = `kommuner.${rad.kommun}`;
    const mottagna = scope.byKon(`${path}.remisser.mottagna`, rad.remisser.mottagna);
    const perKommun = scope.konCells(`remisser.kommun.${rad.kommun}`);
    if (perKommun) scope.columns([perKommun], mottagna);
    return {
      mottagna,
      aterremitterade: scope.byKon(
        `${path}.remisser.aterremitterade`,
        rad.remisser.aterremitterade,
      ),
      inskrivna: scope.byKon(`${path}.remisser.inskrivna`, rad.remisser.inskrivna),
      aktuella: scope.byKon(`${path}.aktuella`, rad.aktuella),
      nya: scope.byKon(`${path}.nya`, rad.nya),
    };
  });
  for (const [measure, total] of [
    ['mottagna', 'remisser.mottagna'],
    ['aterremitterade', 'remisser.aterremitterade'],
    ['aktuella', 'deltagare.aktuella'],
    ['nya', 'deltagare.nya'],
  ] as const) {
    scope.columns(
      rader.map((rad) => rad[measure]),
      scope.konCells(total)!,
    );
  }

  const perRemittent = new Map<string, Cell[]>();
  for (const rad of tables.nyaPerRemittentEnhet) {
    const cell = scope.count(
      `nyaPerRemittentEnhet.${JSON.stringify([rad.remittent, rad.enhet])}`,
      rad.antal,
      (value) => {
        rad.antal = value;
      },
    );
    perRemittent.set(rad.remittent, [...(perRemittent.get(rad.remittent) ?? []), cell]);
  }
  for (const [remittent, cells] of perRemittent) {
    scope.sum(cells, scope.cells.get(`nyaPerRemittent.${remittent}`)!);
  }
};

const registerMal = (scope: Scope, tables: StatistikTables): void => {
  // A goal's utfall is over its own period, which no other table shares: it is suppressed on
  // its own, and the ratios that would give it back (andel av mål, i fas) go with it.
  for (const rad of tables.mal) {
    const dolj = (): void => {
      rad.andelAvMal = null;
      if (rad.iFas !== undefined) rad.iFas = null;
    };
    const { underlag } = rad;
    if (underlag === undefined) {
      const utfall = scope.count(`mal.${rad.malId}.utfall`, rad.utfall as Antal, (v) => {
        rad.utfall = v;
      });
      scope.share([utfall], dolj);
      continue;
    }
    const antal = scope.count(`mal.${rad.malId}.antal`, underlag.antal, (v) => {
      underlag.antal = v;
    });
    const avslutade = scope.count(`mal.${rad.malId}.avslutade`, underlag.avslutade, (v) => {
      underlag.avslutade = v;
    });
    scope.share([antal, avslutade], () => {
      rad.utfall = null;
      dolj();
    });
  }
};

/**
 * Sums by path: each cell of `total` is the sum of the same cell of `parts`. A path some part
 * lacks (a year of ekonomi only some insatser have) states no sum: its parts are not shown.
 */
const sumByPath = (skydd: Skydd, parts: readonly Scope[], total: Scope): void => {
  for (const [path, cell] of total.cells) {
    const cells = parts.flatMap((part) => part.cells.get(path) ?? []);
    if (path.startsWith('ekonomi.') && cells.length !== parts.length) continue;
    skydd.sum(cells, cell);
  }
};

/**
 * The publication option: counts 1–4 become "<5" (0 stays: it discloses nothing about a
 * person), and further counts are suppressed until no suppressed count can be recomputed from
 * a sum it is part of: a kön row and its totalt, a list and its total row, an insats's cell
 * and the others' against the förbund's or their grupp's. Shares computed from a suppressed count become null,
 * since share × the other count gives it back. Means and medians stay. Pure: returns a copy.
 */
export const skyddaReport = (report: StatistikReport): StatistikReport => {
  const copy = structuredClone(report);
  const skydd = new Skydd();
  const insatser = copy.insatser.map((insats) => {
    const scope = skydd.scope();
    registerTables(scope, insats);
    return scope;
  });
  const totalt = skydd.scope();
  registerTables(totalt, copy.totalt);
  totalt.byKon('unikaPersoner', copy.totalt.unikaPersoner);

  // The förbund's tables are the sums of the insatser's, and so is each grupp's of its own
  // insatser's (unika personer aside: no insats has them, so they state no such sum).
  sumByPath(skydd, insatser, totalt);
  const index = new Map(copy.insatser.map((insats, i) => [insats.insatsId, i] as const));
  for (const grupp of copy.grupper) {
    const scope = skydd.scope();
    registerTables(scope, grupp);
    scope.byKon('unikaPersoner', grupp.unikaPersoner);
    const parts = grupp.insatsIds.flatMap((id) => {
      const i = index.get(id);
      return i === undefined ? [] : [insatser[i]!];
    });
    sumByPath(skydd, parts, scope);
  }

  skydd.suppress();
  // The overview repeats the tables' cells: read off the suppressed tables, it hides the same.
  return { ...copy, oversikt: oversiktFor(copy) };
};
