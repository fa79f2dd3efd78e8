import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EmailAddress, FreeText } from './free-text.js';

class Exempel {
  @FreeText({ maxLength: 10 })
  namn: string;

  @FreeText({ optional: true, multiline: true })
  orsak?: string;

  @FreeText({ optional: true, allowEmpty: true })
  enhet?: string;
}

class Inloggning {
  @EmailAddress()
  email: string;
}

const errors = (plain: object): string[] =>
  validateSync(plainToInstance(Exempel, plain)).map((error) => error.property);

describe('FreeText', () => {
  it('trims before it checks and stores', () => {
    const value = plainToInstance(Exempel, { namn: '  Anna  ' });
    expect(value.namn).toBe('Anna');
    expect(validateSync(value)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['spaces', ' \t '],
    ['zero-width', '\u200b\u200d'],
    ['combining marks only', '\u0301\u0308'],
    ['NUL', 'a\u0000'],
    ['a line break', 'a\nb'],
    ['a lone surrogate', 'a\ud800'],
    ['too long', 'a'.repeat(11)],
    ['a number', 5],
    ['a list', ['a']],
  ])('refuses %s', (_, namn) => {
    expect(errors({ namn })).toEqual(['namn']);
  });

  it.each([['Åsa'], ['😀'], ['李'], ['a\u200bb']])('takes %s', (namn) => {
    expect(errors({ namn })).toEqual([]);
  });

  it('takes line breaks where the field is multi-line, and empty where that is allowed', () => {
    expect(errors({ namn: 'x', orsak: 'rad ett\r\nrad två', enhet: '  ' })).toEqual([]);
    expect(errors({ namn: 'x', orsak: ' ', enhet: '\u200b' })).toEqual(['orsak', 'enhet']);
  });
});

describe('EmailAddress', () => {
  it.each([
    ['anna@insatsen.se', true],
    [' anna@insatsen.se ', true],
    ['\ud800@insatsen.se', false],
    ['a\u0000@insatsen.se', false],
    [`${'a'.repeat(250)}@x.se`, false],
    [42, false],
  ])('%j valid: %s', (email, valid) => {
    expect(validateSync(plainToInstance(Inloggning, { email })).length === 0).toBe(valid);
  });
});
