import { toSwedish } from './validation-messages.js';

describe('toSwedish', () => {
  it.each([
    ['property extra should not exist', 'fältet extra är okänt'],
    ['forsorjning should not be empty', 'forsorjning får inte vara tomt'],
    ['fodelsear must not be less than 1900', 'fodelsear får inte vara mindre än 1900'],
    [
      'kon must be one of the following values: kvinna, man, ej-angivet',
      'kon måste vara ett av: kvinna, man, ej-angivet',
    ],
    [
      'each value in forsorjning must be one of the following values: lon, okand',
      'varje värde i forsorjning måste vara ett av: lon, okand',
    ],
    ['namn must be shorter than or equal to 200 characters', 'namn får ha högst 200 tecken'],
    ['person should not be null or undefined', 'person måste anges'],
    ['admin must be an object', 'admin måste vara ett objekt'],
    ['Validation failed (uuid is expected)', 'Ogiltigt id i adressen: ett UUID förväntas'],
  ])('translates "%s"', (english, swedish) => {
    expect(toSwedish(english)).toBe(swedish);
  });

  it('leaves messages that are already Swedish alone', () => {
    expect(toSwedish('Lösenordet måste ha minst 12 tecken')).toBe(
      'Lösenordet måste ha minst 12 tecken',
    );
  });
});
