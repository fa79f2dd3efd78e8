import { jsonNestsDeeperThan } from './json-body.js';

const depthOf = (text: string, max: number): boolean =>
  jsonNestsDeeperThan(Buffer.from(text, 'utf8'), max);

describe('jsonNestsDeeperThan', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":{}}', 1, true],
    ['[[],[],{}]', 2, false],
    ['[[[1]]]', 2, true],
    ['{"a":"[[[[{{{{"}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['{"a":"\\\\","b":[[1]]}', 2, true],
    ['{"å":"ö","b":[{"c":"€"}]}', 3, false],
  ])('%s deeper than %i: %s', (text, max, expected) => {
    expect(depthOf(text, max)).toBe(expected);
  });

  it('counts 5,000 levels without recursion', () => {
    expect(depthOf('['.repeat(5000) + ']'.repeat(5000), 32)).toBe(true);
  });
});
