import { Navigate, Route, Routes } from 'react-router';
import { AnvandarePage } from './admin/AnvandarePage';
import { ForbundsmalPage } from './admin/ForbundsmalPage';
import { InsatserAdminPage } from './admin/InsatserAdminPage';
import { useAuth } from './auth/auth-context';
import { KraverRoll } from './auth/KraverRoll';
import { LoggaInPage } from './auth/LoggaInPage';
import { startsida } from './auth/startsida';
import { DatakvalitetPage } from './datakvalitet/DatakvalitetPage';
import { DeltagandePage } from './deltaganden/DeltagandePage';
import { DeltagandenPage } from './deltaganden/DeltagandenPage';
import { ImportPage } from './import/ImportPage';
import { NyRemissPage } from './deltaganden/NyRemissPage';
import { MinaInsatserPage } from './insatser/MinaInsatserPage';
import { AppLayout } from './layout/AppLayout';
import { AndringarPage } from './rapporter/AndringarPage';
import { RapporterPage } from './rapporter/RapporterPage';
import { StatistikPage } from './statistik/StatistikPage';

const Start = () => {
  const { inloggad } = useAuth();
  return <Navigate to={inloggad ? startsida(inloggad.roll) : '/logga-in'} replace />;
};

export const App = () => (
  <Routes>
    <Route path="/logga-in" element={<LoggaInPage />} />
    <Route element={<AppLayout />}>
      <Route index element={<Start />} />
      <Route
        path="insatser"
        element={
          <KraverRoll roller={['personal']}>
            <MinaInsatserPage />
          </KraverRoll>
        }
      />
      <Route
        path="insatser/:insatsId/deltaganden"
        element={
          <KraverRoll roller={['personal']}>
            <DeltagandenPage />
          </KraverRoll>
        }
      />
      <Route
        path="insatser/:insatsId/ny-remiss"
        element={
          <KraverRoll roller={['personal']}>
            <NyRemissPage />
          </KraverRoll>
        }
      />
      <Route
        path="deltaganden/:id"
        element={
          <KraverRoll roller={['personal']}>
            <DeltagandePage />
          </KraverRoll>
        }
      />
      <Route
        path="statistik"
        element={
          <KraverRoll roller={['kansli', 'admin']}>
            <StatistikPage />
          </KraverRoll>
        }
      />
      <Route
        path="rapporter"
        element={
          <KraverRoll roller={['kansli', 'admin']}>
            <RapporterPage />
          </KraverRoll>
        }
      />
      <Route
        path="rapporter/:id/andringar"
        element={
          <KraverRoll roller={['kansli', 'admin']}>
            <AndringarPage />
          </KraverRoll>
        }
      />
      <Route
        path="datakvalitet"
        element={
          <KraverRoll roller={['kansli', 'admin', 'personal']}>
            <DatakvalitetPage />
          </KraverRoll>
        }
      />
      <Route
        path="admin/insatser"
        element={
          <KraverRoll roller={['admin']}>
            <InsatserAdminPage />
          </KraverRoll>
        }
      />
      <Route
        path="admin/mal"
        element={
          <KraverRoll roller={['admin']}>
            <ForbundsmalPage />
          </KraverRoll>
        }
      />
      <Route
        path="admin/anvandare"
        element={
          <KraverRoll roller={['admin']}>
            <AnvandarePage />
          </KraverRoll>
        }
      />
      <Route
        path="admin/import"
        element={
          <KraverRoll roller={['admin']}>
            <ImportPage />
          </KraverRoll>
        }
      />
    </Route>
    <Route path="*" element={<Start />} />
  </Routes>
);
