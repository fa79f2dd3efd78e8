import { describe, expect, it } from '@jest/globals';
import { vardeIFalt, vardeTillApi, visaKronor, visaVarde } from './malvarde';

describe('a goal’s value in the form and in the API', () => {
  it('sends a share typed in percent as 0–1, without floating-point noise', () => {
    expect(vardeTillApi('andel-arbete-studier', 65)).toBe(0.65);
    expect(vardeTillApi('andel-ordinarie-insats', 33.3)).toBe(0.333);
    expect(vardeTillApi('andel-studier', 100)).toBe(1);
  });

  it('sends a count as typed', () => {
    expect(vardeTillApi('nya', 330)).toBe(330);
  });

  it('shows a stored share as percent in the field', () => {
    expect(vardeIFalt('andel-arbete-studier', 0.65)).toBe(65);
    expect(vardeIFalt('andel-arbete', 0.333)).toBe(33.3);
    expect(vardeIFalt('deltagare', 250)).toBe(250);
  });

  it('formats shares, counts and kronor the Swedish way', () => {
    // sv-SE separates with a no-break space.
    expect(visaVarde('andel-arbete-studier', 0.25)).toBe('25\u00a0%');
    expect(visaVarde('nya', 1000)).toBe('1\u00a0000');
    expect(visaKronor(1_693_787)).toBe('1\u00a0693\u00a0787 kr');
    expect(visaKronor(null)).toBe('–');
  });
});
