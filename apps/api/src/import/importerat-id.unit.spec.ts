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

  it('keeps the ids of rows imported before: a file imported again finds them', () => {
    expect(importeratDeltagandeId('insats-1', 'A-17')).toBe('d208fe68-4117-522f-86a5-6ec8cfa3a57e');
    expect(importeratDeltagandeId('3f0c8a52-6f1e-4d2b-9c71-0e5b8d4a2c19', 'Åsa-ö 7')).toBe(
      'f40306f9-abb8-582c-bcc2-c40fcbe024c1',
    );
  });
});
