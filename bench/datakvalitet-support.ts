import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import { InsatsRow, ProjectionRunner, readModelProjections } from '#projections';
import { StatistikService } from '#statistik';
import type { AuthUser } from '../apps/api/src/auth/auth-user.js';
import { Clock } from '../apps/api/src/commands/clock.js';
import {
  DatakvalitetHandler,
  DatakvalitetQuery,
} from '../apps/api/src/datakvalitet/datakvalitet.query.js';
import { ReportRecorder } from '../apps/api/src/rapporter/report-recorder.js';
import { InsatsScope } from '../apps/api/src/statistik/insats-scope.js';
import { ReportGate } from '../apps/api/src/statistik/report-gate.js';

/**
 * The data-quality view of a whole förbund as the API builds it (the query handler, without
 * HTTP), asked by an admin of that förbund; with the recorder that records exports for it to
 * compare, and that admin to record them as. `store`: the event store of that database (the
 * recorder reads the events after an export). `egna`: the DataSource the handler's own
 * statements run on (a profiling wrapper, say).
 */
export const datakvalitetAsAdmin = (
  dataSource: DataSource,
  store: EventStore,
  forbundId: string,
  egna: DataSource = dataSource,
) => {
  const recorder = new ReportRecorder(
    dataSource,
    new StatistikService(dataSource),
    store,
    // Never started: it only reads the read models' checkpoint.
    new ProjectionRunner(store, dataSource, readModelProjections()),
  );
  const handler = new DatakvalitetHandler(
    egna,
    new InsatsScope(dataSource.getRepository(InsatsRow)),
    new ReportGate(),
    recorder,
    new Clock(),
  );
  const admin: AuthUser = {
    id: '00000000-0000-4000-8000-000000000001',
    forbundId,
    roll: 'admin',
    systemadmin: false,
    insatser: [],
  };
  const datakvalitet = (fran: string, till: string) =>
    handler.execute(new DatakvalitetQuery({ fran, till }, admin));
  return { recorder, admin, datakvalitet };
};
