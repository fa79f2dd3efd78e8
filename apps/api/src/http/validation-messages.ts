/**
 * class-validator's built-in messages are English; the people reading them beside a form
 * field are not. Custom messages (already Swedish) pass through unchanged.
 */
const SWEDISH: readonly [RegExp, string][] = [
  [/^property (\S+) should not exist$/, 'fältet $1 är okänt'],
  [/^(\S+) should not be empty$/, '$1 får inte vara tomt'],
  [/^(\S+) must be a string$/, '$1 måste vara text'],
  [/^(\S+) must be an integer number$/, '$1 måste vara ett heltal'],
  [/^(\S+) must be a number conforming to the specified constraints$/, '$1 måste vara ett tal'],
  [/^(\S+) must not be less than (\S+)$/, '$1 får inte vara mindre än $2'],
  [/^(\S+) must not be greater than (\S+)$/, '$1 får inte vara större än $2'],
  [/^(\S+) must be shorter than or equal to (\d+) characters$/, '$1 får ha högst $2 tecken'],
  [/^(\S+) must be longer than or equal to (\d+) characters$/, '$1 måste ha minst $2 tecken'],
  [
    /^each value in (\S+) must be one of the following values: (.*)$/,
    'varje värde i $1 måste vara ett av: $2',
  ],
  [/^(\S+) must be one of the following values: (.*)$/, '$1 måste vara ett av: $2'],
  [/^(\S+) must be an array$/, '$1 måste vara en lista'],
  [/^each value in (\S+) must be a UUID$/, 'varje värde i $1 måste vara ett id (UUID)'],
  [/^(\S+) must be a UUID$/, '$1 måste vara ett id (UUID)'],
  [/^(\S+) must be an email$/, '$1 måste vara en e-postadress'],
  [/^(\S+) must be a boolean value$/, '$1 måste vara true eller false'],
  [/^(\S+) must be a valid ISO 8601 date string$/, '$1 måste vara en tidpunkt (ISO 8601)'],
  [/^nested property (\S+) must be either object or array$/, '$1 måste vara ett objekt'],
  [/^All (\S+)'s elements must be unique$/, '$1 får inte innehålla dubbletter'],
  [/^(\S+) must contain no more than (\d+) elements$/, '$1 får ha högst $2 värden'],
  [/^(\S+) should not be null or undefined$/, '$1 måste anges'],
  [/^(\S+) must be an object$/, '$1 måste vara ett objekt'],
  // Nest's own pipes, for path parameters.
  [/^Validation failed \(uuid is expected\)$/, 'Ogiltigt id i adressen: ett UUID förväntas'],
  [/^Validation failed \(numeric string is expected\)$/, 'Ogiltigt tal i adressen'],
  [/^Failed to decode param '.*'$/, 'Adressen innehåller en ogiltig teckenkodning'],
];

export const toSwedish = (message: string): string => {
  for (const [english, swedish] of SWEDISH) {
    if (english.test(message)) return message.replace(english, swedish);
  }
  return message;
};
