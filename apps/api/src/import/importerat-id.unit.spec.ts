import { importeratDeltagandeId } from './importerat-id.js';

describe('importeratDeltagandeId', () => {
  it('gives one row the same version-5 UUID every time, and another row or insats another', () => {
    const id = importeratDeltagandeId('insats-1', 'A-17');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importeratDeltagandeId('insats-1', 'A-17')).toBe(id);
    expect(importeratDeltagandeId('insats-1', 'A-18')).not.toBe(id);
    expect(importeratDeltagandeId('insats-2', 'A-17')).not.toBe(id);
    expect(importeratDeltagandeId('insats-1', 'A-1')).not.toBe(
      importeratDeltagandeId('insats-1', 'A-11'),
    );
  });
});
