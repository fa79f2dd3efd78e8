import { isDatabaseUnavailable } from './unavailable.js';

const withCode = (message: string, code: string): Error =>
  Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['admin_shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['the server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection_exception', withCode('connection failure', '08006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'TypeORM’s wrapper',
      Object.assign(new Error('Query failed'), { driverError: withCode('x', 'ECONNREFUSED') }),
    ],
    [
      'an AggregateError of refused addresses',
      new AggregateError([withCode('::1', 'ECONNREFUSED'), withCode('127.0.0.1', 'ECONNREFUSED')]),
    ],
    ['a wrapped cause', new Error('append failed', { cause: new Error('Connection terminated') })],
    ['KurrentDB unavailable', Object.assign(new Error('14 UNAVAILABLE'), { type: 'unavailable' })],
  ])('says yes for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', withCode('duplicate key', '23505')],
    ['a value out of range', withCode('value out of range for type integer', '22003')],
    ['a statement timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['a plain error', new Error('boom')],
    ['undefined', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('says no for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
