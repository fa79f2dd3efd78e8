import { ValidateBy } from 'class-validator';
import personnummerModule from 'personnummer';

// The package's typings declare an ES default export, but the CommonJS build Node loads
// assigns module.exports to the class itself, which is what the default import receives.
const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

const OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };

/** Luhn-checked personnummer or samordningsnummer, 10 or 12 digits, with or without -/+. */
export const IsPersonnummer = (): PropertyDecorator =>
  ValidateBy({
    name: 'isPersonnummer',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && Personnummer.valid(value, OPTIONS),
      defaultMessage: () => 'personnummer är inte ett giltigt person- eller samordningsnummer',
    },
  });

/** The 12-digit form (ÅÅÅÅMMDDNNNN), so every way of writing a number finds the same person. */
export const normalizePersonnummer = (value: string): string =>
  Personnummer.parse(value, OPTIONS).format(true);
