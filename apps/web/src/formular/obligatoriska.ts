/** "Fältet måste fyllas i" for each named field left empty; the server checks everything else. */
export const obligatoriska = (
  falt: Record<string, string | number | readonly unknown[] | null | undefined>,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(falt)
      .filter(
        ([, v]) =>
          v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0),
      )
      .map(([namn]) => [namn, 'Fältet måste fyllas i']),
  );
