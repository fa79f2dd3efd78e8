import type { ArgumentsHost } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { ErrorResponseFilter } from '../../http/error-response.filter.js';
import { clientOf, LoginRateLimit } from './login-rate-limit.js';

describe('clientOf', () => {
  it('counts an IPv4 address as itself, also when the socket reports it IPv4-mapped', () => {
    expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of an IPv6 /64 as one client', () => {
    expect(clientOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
    expect(clientOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientOf('64:ff9b::198.51.100.1')).toBe('64:ff9b:0:0::/64');
  });

  it('counts a request without an address under one shared key', () => {
    expect(clientOf(undefined)).toBe('unknown');
  });
});

describe('LoginRateLimit while its database is away', () => {
  it('fails with an error the filter answers 503 with Retry-After, not 500', async () => {
    // Port 1 on the loopback refuses at once: the store cannot be reached.
    const pool = new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1000 });
    const limits = new LoginRateLimit({ driver: { master: pool } } as unknown as DataSource);
    try {
      const error: unknown = await limits.attempt('anna@forbundet.se', '203.0.113.7').then(
        () => undefined,
        (caught: unknown) => caught,
      );
      const headers: Record<string, string> = {};
      let answer: { status?: number; body?: unknown } = {};
      const response = {
        setHeader: (name: string, value: string) => (headers[name] = value),
        status: (status: number) => ({ json: (body: unknown) => (answer = { status, body }) }),
      };
      new ErrorResponseFilter().catch(error, {
        switchToHttp: () => ({ getResponse: () => response }),
      } as unknown as ArgumentsHost);
      expect(answer).toEqual({
        status: 503,
        body: {
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'Databasen är inte tillgänglig just nu; försök igen om en stund',
        },
      });
      expect(headers['Retry-After']).toBe('5');
    } finally {
      await pool.end();
    }
  });
});
