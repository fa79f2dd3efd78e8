import { jest } from '@jest/globals';
import { ProjectionRunner, readModelProjections } from '#projections';
import { skyddaReport, StatistikService, type Jamfor } from '#statistik';
import { StatistikScenario } from '../../libs/statistik/src/testing/statistik-scenario.js';
import type { AuthUser } from '../../apps/api/src/auth/auth-user.js';
import { figurHash, ReportRecorder } from '../../apps/api/src/rapporter/report-recorder.js';

/*
 * Whether an export has changed since is decided without its report where that is exact
 * (events after the read models' position it was made at, and what was recorded after its
 * asOf). Each case is checked against the answer of the report made again (the hash of the
 * same report made now against the recorded one), and where the shortcut must answer, that
 * no report was made.
 */
describe('ReportRecorder: changed since an export, without its report where exact', () => {
  let s: StatistikScenario;
  let statistik: StatistikService;
  let recorder: ReportRecorder;
  let user: AuthUser;
  let reports: jest.SpiedFunction<StatistikService['report']>;

  beforeAll(async () => {
    s = await StatistikScenario.start();
    await s.dataSource.query('INSERT INTO forbund (id, namn) VALUES ($1, $2)', [
      s.forbund.id,
      s.forbund.namn,
    ]);
    statistik = new StatistikService(s.dataSource);
    recorder = new ReportRecorder(
      s.dataSource,
      statistik,
      s.store,
      new ProjectionRunner(s.store, s.dataSource, readModelProjections()),
    );
    user = {
      id: '00000000-0000-4000-8000-000000000001',
      forbundId: s.forbund.id,
      roll: 'admin',
      systemadmin: false,
      insatser: [],
    };
  });

  afterAll(async () => {
    await s?.close();
  });

  beforeEach(() => {
    reports = jest.spyOn(statistik, 'report');
  });

  afterEach(() => {
    reports.mockRestore();
  });

  /** As the export does it: the read models' position first, then the report (not caught up). */
  const exportera = async (options: {
    fran?: string;
    till?: string;
    insatser?: string[];
    asOf?: Date;
    skydda?: boolean;
    jamfor?: Jamfor;
  }): Promise<string> => {
    const { fran = '2025-01-01', till = '2025-12-31', insatser, asOf, skydda = false } = options;
    const { jamfor } = options;
    const lasposition = await recorder.lasposition();
    const report = await new StatistikService(s.dataSource).report(
      {
        forbundId: s.forbund.id,
        fran,
        till,
        ...(insatser ? { insatsIds: insatser } : {}),
        ...(asOf ? { asOf } : {}),
      },
      s.forbund,
      { skydda, ...(jamfor ? { jamfor } : {}) },
    );
    return recorder.record(report, user, {
      fran,
      till,
      ...(insatser ? { insatser } : {}),
      asOf: report.asOf,
      skydda,
      format: 'csv',
      // As the export records it: with a comparison, its parameter instead of the position.
      ...(jamfor ? { jamfor } : { lasposition, asOfAngiven: asOf !== undefined }),
    });
  };

  /** The answer of the report made again, as the recorder gave it before the shortcut. */
  const omgjord = async (id: string): Promise<boolean> => {
    const [row]: {
      fran: string;
      till: string;
      insatser: string[] | null;
      skydda: boolean;
      hash: string;
    }[] = await s.dataSource.query(
      `SELECT to_char(fran, 'YYYY-MM-DD') AS fran, to_char(till, 'YYYY-MM-DD') AS till,
         insatser, skydda, hash FROM rapport WHERE id = $1`,
      [id],
    );
    const report = await new StatistikService(s.dataSource).report(
      {
        forbundId: s.forbund.id,
        fran: row!.fran,
        till: row!.till,
        ...(row!.insatser ? { insatsIds: row!.insatser } : {}),
      },
      s.forbund,
    );
    return figurHash(row!.skydda ? skyddaReport(report) : report) !== row!.hash;
  };

  /** The recorder's answer, checked against the report made again. */
  const andradSedan = async (id: string): Promise<boolean> => {
    const rad = await recorder.get(user, id);
    expect(rad!.andradSedan).toBe(await omgjord(id));
    return rad!.andradSedan;
  };

  it('an export with nothing after it is unchanged, and no report is made', async () => {
    const insats = await s.insats('Oförändrad');
    await s.inskrivna(insats, 3, '2025-03-01');
    await s.catchUp();
    const id = await exportera({});
    reports.mockClear();
    expect((await recorder.get(user, id))!.andradSedan).toBe(false);
    expect(reports).not.toHaveBeenCalled();
    expect(await andradSedan(id)).toBe(false);
  });

  it('a remiss recorded later in its period and insatser changes it', async () => {
    const insats = await s.insats('Sen remiss');
    await s.inskrivna(insats, 2, '2025-02-01');
    await s.catchUp();
    const id = await exportera({ insatser: [insats] });
    await s.remiss(insats, '2025-04-01', 'af');
    await s.catchUp();
    expect(await andradSedan(id)).toBe(true);
  });

  it('events after it outside its period or its insatser leave it unchanged, without a report', async () => {
    const insats = await s.insats('Egen');
    const annan = await s.insats('Annan');
    await s.inskrivna(insats, 2, '2025-02-01');
    await s.catchUp();
    const id = await exportera({ insatser: [insats] });
    // After its till, in another insats (with a goal, volym and ekonomi there), and a
    // deltagande in another insats followed up in the period.
    await s.remiss(insats, '2026-02-01', 'af');
    await s.inskrivna(annan, 2, '2025-05-01');
    await s.volym(annan, '2025-05-01', 3, 2);
    await s.ekonomi(annan, 2025, { budget: 1000 });
    await s.mal(annan, { matt: 'nya', fran: '2025-01-01', till: '2025-12-31', varde: 5 });
    await s.catchUp();
    reports.mockClear();
    expect((await recorder.get(user, id))!.andradSedan).toBe(false);
    expect(reports).not.toHaveBeenCalled();
    expect(await andradSedan(id)).toBe(false);
  });

  it('an event recorded before the export but applied after it (lagging read models) changes it', async () => {
    const insats = await s.insats('Eftersläpande');
    await s.inskrivna(insats, 2, '2025-02-01');
    await s.catchUp();
    // Recorded now, applied only after the export: the export's figures lack it although it
    // was recorded before the export's asOf, so no timestamp can tell it from an earlier one.
    await s.remiss(insats, '2025-06-01', 'af');
    const [{ recorded }]: { recorded: Date }[] = await s.dataSource.query(
      'SELECT max(recorded_at) AS recorded FROM events',
    );
    const id = await exportera({ insatser: [insats] });
    const asOf = (await recorder.get(user, id))!.asOf;
    expect(recorded.toISOString() < asOf).toBe(true);
    await s.catchUp();
    expect(await andradSedan(id)).toBe(true);
  });

  it('the same, for an export as of a given moment', async () => {
    const insats = await s.insats('Eftersläpande, asOf');
    await s.inskrivna(insats, 2, '2025-02-01');
    await s.catchUp();
    await s.remiss(insats, '2025-06-01', 'af');
    const asOf = await s.now();
    const id = await exportera({ insatser: [insats], asOf });
    await s.catchUp();
    expect(await andradSedan(id)).toBe(true);
  });

  it('an export as of an earlier moment: changed by what was recorded after it, told by its totals', async () => {
    const insats = await s.insats('Som känd då');
    await s.inskrivna(insats, 2, '2025-02-01');
    const asOf = await s.now();
    await s.remiss(insats, '2025-06-01', 'af');
    await s.catchUp();
    const id = await exportera({ insatser: [insats], asOf });
    reports.mockClear();
    expect((await recorder.get(user, id))!.andradSedan).toBe(true);
    expect(reports).not.toHaveBeenCalled();
    expect(await andradSedan(id)).toBe(true);
  });

  it('an export as of an earlier moment with nothing of its own recorded after it is unchanged', async () => {
    const insats = await s.insats('Som känd då, oförändrad');
    const annan = await s.insats('Som känd då, annan');
    await s.inskrivna(insats, 2, '2025-02-01');
    await s.catchUp();
    const asOf = await s.now();
    await s.remiss(annan, '2025-06-01', 'af');
    await s.remiss(insats, '2026-06-01', 'af');
    await s.catchUp();
    const id = await exportera({ insatser: [insats], asOf });
    reports.mockClear();
    expect((await recorder.get(user, id))!.andradSedan).toBe(false);
    expect(reports).not.toHaveBeenCalled();
    expect(await andradSedan(id)).toBe(false);
  });

  it('a change that moves no total (a remittent corrected) is told by the report made again', async () => {
    const insats = await s.insats('Ny remittent');
    const id1 = await s.remiss(insats, '2025-02-01', 'af', {}, ['a-kassa']);
    const asOf = await s.now();
    await s.korrigeraRemittentEnhet(id1, 'Kontor 2');
    await s.catchUp();
    const id = await exportera({ insatser: [insats], asOf });
    expect(await andradSedan(id)).toBe(true);
  });

  it('a version recorded after its asOf that moves no figure leaves it unchanged', async () => {
    const insats = await s.insats('Enhet utan betydelse');
    // A remiss only: its remittent's enhet is counted only among the nya.
    const id1 = await s.remiss(insats, '2025-02-01', 'af');
    const asOf = await s.now();
    await s.korrigeraRemittentEnhet(id1, 'Kontor 3');
    await s.catchUp();
    const id = await exportera({ insatser: [insats], asOf });
    expect(await andradSedan(id)).toBe(false);
  });

  it('a deltagande outside its period whose uppföljning is in it changes it by its kön', async () => {
    const insats = await s.insats('Uppföljd');
    const id1 = await s.remiss(insats, '2024-01-10', 'af', {}, ['a-kassa']);
    await s.avsluta(id1, '2024-06-30', 'arbete', ['lon']);
    await s.uppfoljning(id1, '2025-01-15', 6, 'arbete');
    await s.catchUp();
    const nu = await exportera({ insatser: [insats] });
    const asOf = await s.now();
    await s.korrigeraPersonuppgifter(id1, { kon: 'man' });
    await s.catchUp();
    const somKandDa = await exportera({ insatser: [insats], asOf });
    expect(await andradSedan(nu)).toBe(true);
    expect(await andradSedan(somKandDa)).toBe(true);
  });

  it('an export with suppression as of an earlier moment is compared through its report', async () => {
    const insats = await s.insats('Skyddad');
    await s.inskrivna(insats, 6, '2025-02-01');
    const asOf = await s.now();
    await s.remiss(insats, '2025-06-01', 'af');
    await s.catchUp();
    const id = await exportera({ insatser: [insats], asOf, skydda: true });
    reports.mockClear();
    expect(await andradSedan(id)).toBe(true);
    expect(reports).toHaveBeenCalled();
  });

  it('an export with a comparison is compared with the same report and comparison made again', async () => {
    const insats = await s.insats('Med jämförelse');
    await s.inskrivna(insats, 6, '2024-03-01');
    await s.inskrivna(insats, 7, '2025-03-01');
    await s.catchUp();
    const oskyddad = await exportera({ insatser: [insats], jamfor: 'foregaende' });
    const skyddad = await exportera({ insatser: [insats], jamfor: 'fjol', skydda: true });
    // Unchanged: its figures hold the comparison's, and so does the report made again.
    expect((await recorder.get(user, oskyddad))!.andradSedan).toBe(false);
    expect((await recorder.get(user, skyddad))!.andradSedan).toBe(false);
    // A remiss recorded later in the comparison period (2024) moves only the comparison.
    await s.remiss(insats, '2024-06-01', 'af');
    await s.catchUp();
    expect((await recorder.get(user, oskyddad))!.andradSedan).toBe(true);
  });

  it('an export recorded without the position is compared through its report, as before', async () => {
    const insats = await s.insats('Utan position');
    await s.inskrivna(insats, 2, '2025-02-01');
    await s.catchUp();
    const id = await exportera({ insatser: [insats] });
    await s.dataSource.query('UPDATE rapport SET lasposition = NULL WHERE id = $1', [id]);
    reports.mockClear();
    expect(await andradSedan(id)).toBe(false);
    expect(reports).toHaveBeenCalled();
  });
});
