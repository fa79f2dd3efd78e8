import { ConfigError, loadConfig } from './app-config.js';
import { parseTrustedProxy } from './trusted-proxy.js';

describe('TRUSTED_PROXY', () => {
  it('is off by default: X-Forwarded-For names no client', () => {
    expect(loadConfig({}).trustedProxy).toBe(false);
    expect(parseTrustedProxy('')).toBe(false);
    expect(parseTrustedProxy('0')).toBe(false);
  });

  it('takes a number of proxy hops', () => {
    expect(loadConfig({ TRUSTED_PROXY: '2' }).trustedProxy).toBe(2);
  });

  it('takes comma-separated addresses, CIDR networks and express range names', () => {
    expect(parseTrustedProxy(' 10.0.0.1, 192.168.0.0/16 ,fd00::/8, loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each([
    ['true', '"true" is neither a number of proxy hops'],
    ['10.0.0.300', '"10.0.0.300" is neither'],
    ['10.0.0.0/33', '"10.0.0.0/33" is neither'],
    ['10.0.0.1,', '"" is neither'],
    ['proxy.example.se', '"proxy.example.se" is neither'],
  ])('refuses %s at boot', (value, problem) => {
    let error: unknown;
    try {
      loadConfig({ TRUSTED_PROXY: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.TRUSTED_PROXY).toContain(problem);
  });
});
