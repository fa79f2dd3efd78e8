import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, narTokenUpphor } from '../api/client';
import type { Inloggad } from '../api/inloggad';
import { glomToken, sparadToken, sparaToken } from '../api/session';
import { AuthContext, type Auth } from './auth-context';

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const [inloggad, setInloggad] = useState<Inloggad | null>(null);
  const [laddar, setLaddar] = useState(() => sparadToken() !== null);

  const glom = useCallback(() => {
    glomToken();
    setInloggad(null);
  }, []);

  useEffect(() => {
    narTokenUpphor(glom);
    if (!sparadToken()) return;
    api
      .get<Inloggad>('/auth/me')
      .then(setInloggad)
      .catch(glom)
      .finally(() => setLaddar(false));
  }, [glom]);

  const auth = useMemo<Auth>(
    () => ({
      inloggad,
      loggaIn: async (email, password) => {
        const { accessToken } = await api.post<{ accessToken: string }>('/auth/token', {
          email,
          password,
        });
        sparaToken(accessToken);
        try {
          setInloggad(await api.get<Inloggad>('/auth/me'));
        } catch (error) {
          glomToken();
          throw error;
        }
      },
      loggaUt: async () => {
        // The server revokes the token; forget it locally even if that call fails.
        await api.post('/auth/logout').catch(() => undefined);
        glom();
      },
    }),
    [inloggad, glom],
  );

  if (laddar) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laddar" />
      </Center>
    );
  }
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
};
