import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/api-error';
import { useAuth } from './auth-context';
import { startsida } from './startsida';

export const LoggaInPage = () => {
  const { inloggad, loggaIn } = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fel, setFel] = useState<string | null>(null);
  const [skickar, setSkickar] = useState(false);

  if (inloggad) {
    const fran = (location.state as { fran?: string } | null)?.fran;
    return <Navigate to={fran ?? startsida(inloggad.roll)} replace />;
  }

  const skicka = async (event: FormEvent) => {
    event.preventDefault();
    setSkickar(true);
    setFel(null);
    try {
      await loggaIn(email, password);
    } catch (error) {
      setFel(
        error instanceof ApiError && error.status === 401
          ? 'Fel e-postadress eller lösenord'
          : error instanceof Error
            ? error.message
            : 'Inloggningen misslyckades',
      );
    } finally {
      setSkickar(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={skicka} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Deltagarflöde
            </Title>
            <Title order={2} size="h4" fw={500}>
              Logga in
            </Title>
            {fel && (
              <Alert color="red" role="alert" title="Kunde inte logga in">
                {fel}
              </Alert>
            )}
            <TextInput
              label="E-postadress"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Lösenord"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={skickar}>
              Logga in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
