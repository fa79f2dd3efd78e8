import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const tema = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on primary buttons above WCAG AA contrast (4.5:1).
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
});

/** Mantine's dimmed grey and error red (shade 6) fall below 4.5:1 on white; shade 7/8 do not. */
export const kontrast: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-placeholder': theme.colors.gray[7],
    '--mantine-color-error': theme.colors.red[8],
    '--mantine-color-anchor': theme.colors.blue[8],
  },
  dark: {},
});
