import { ConfigError, loadConfig } from './app-config.js';

const problemsOf = (env: Record<string, string>): Record<string, string> => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      eventStore: 'postgres',
      bootstrapAdmin: undefined,
      forbundNamn: 'Samordningsförbundet',
      tokenTtlSeconds: 28_800,
    });
    expect(config.dataDir).toMatch(/\/\.data$/);
  });

  it('reads every variable it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/deltagarflode',
      DATABASE_URL: 'postgres://u:p@db:5432/deltagarflode',
      ADMIN_EMAIL: 'Admin@Forbund.se',
      ADMIN_PASSWORD: 'ett-langt-losenord',
      FORBUND_NAMN: ' Samordningsförbundet Väst ',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/deltagarflode',
      databaseUrl: 'postgres://u:p@db:5432/deltagarflode',
      bootstrapAdmin: { email: 'admin@forbund.se', password: 'ett-langt-losenord' },
      forbundNamn: 'Samordningsförbundet Väst',
    });
  });

  it('limits imports to 50 MB and 500,000 rows unless told otherwise, within bounds', () => {
    expect(loadConfig({})).toMatchObject({ importMaxBytes: 52_428_800, importMaxRader: 500_000 });
    expect(loadConfig({ IMPORT_MAX_MB: '2', IMPORT_MAX_RADER: '10' })).toMatchObject({
      importMaxBytes: 2_097_152,
      importMaxRader: 10,
    });
    expect(problemsOf({ IMPORT_MAX_MB: '2048', IMPORT_MAX_RADER: '0' })).toEqual({
      IMPORT_MAX_RADER: 'must be a whole number > 0',
    });
    expect(problemsOf({ IMPORT_MAX_MB: '2048' })).toEqual({
      IMPORT_MAX_MB: 'must be at most 1024 (1 GiB)',
    });
  });

  it('names each bad variable in one error', () => {
    const problems = problemsOf({
      PORT: 'tretusen',
      DATABASE_URL: 'mysql://x',
      EVENT_STORE: 'kafka',
      ADMIN_EMAIL: 'inte-en-adress',
      ADMIN_PASSWORD: 'ett-langt-losenord',
    });
    expect(Object.keys(problems).sort()).toEqual([
      'ADMIN_EMAIL',
      'DATABASE_URL',
      'EVENT_STORE',
      'PORT',
    ]);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together, and a long admin password', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.se' })).toEqual({
      ADMIN_PASSWORD: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    });
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.se', ADMIN_PASSWORD: 'kort' })).toEqual({
      ADMIN_PASSWORD: 'must be at least 12 characters',
    });
  });

  it('requires KURRENTDB_URL with EVENT_STORE=kurrentdb', () => {
    expect(problemsOf({ EVENT_STORE: 'kurrentdb' })).toEqual({
      KURRENTDB_URL: 'required when EVENT_STORE=kurrentdb',
    });
  });

  it('says which variable is wrong in its message', () => {
    expect(() => loadConfig({ PORT: '99999' })).toThrow(/PORT:/);
  });
});
