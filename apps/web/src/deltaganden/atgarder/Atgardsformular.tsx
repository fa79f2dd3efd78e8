import { Button, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Formularfel } from '../../formular/Formularfel';
import type { Serverfel } from '../../formular/useServerfel';
import { useFokusVidFel } from '../../formular/useFokusVidFel';

export const Atgardsformular = ({
  namn,
  knapp,
  fel,
  skickar,
  onSubmit,
  farlig = false,
  children,
}: {
  namn: string;
  knapp: string;
  fel: Serverfel;
  skickar: boolean;
  onSubmit: () => void;
  farlig?: boolean;
  children: ReactNode;
}) => {
  const formRef = useFokusVidFel(fel);
  return (
    <form
      ref={formRef}
      aria-label={namn}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack maw={640}>
        <Formularfel fel={fel} />
        {children}
        <div>
          <Button type="submit" loading={skickar} color={farlig ? 'red.9' : undefined}>
            {knapp}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
