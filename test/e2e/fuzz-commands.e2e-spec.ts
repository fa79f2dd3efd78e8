import fc from 'fast-check';
import type request from 'supertest';
import { remissBody, startTestApp, type Caller, type TestApp } from '../support/test-app.js';

/**
 * Property-based fuzzing of every command endpoint, read from the OpenAPI document so a new
 * endpoint is covered without touching this file. For any body, path and caller: never a
 * 5xx, and a refused request (4xx) appends nothing. Reproduce a failure with the seed jest
 * prints: FUZZ_SEED=<seed> npm test -- test/e2e/fuzz-commands.e2e-spec.ts
 */

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: string[];
  query: { name: string; schema: Schema }[];
  body: Schema | undefined;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const COMMAND_METHODS = new Set(['post', 'put', 'patch', 'delete']);

const t: TestApp = await startTestApp();
const doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;

const allOperations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(() => path.startsWith('/api/v1/') && !path.startsWith('/api/v1/auth/'))
    .map(([method, operation]) => ({
      method: method as Operation['method'],
      path,
      params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      query: (operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
      body: operation.requestBody?.content?.['application/json']?.schema,
    })),
);
/** Every command under /api/v1 but the auth routes (login is fuzzed on its own below). */
const operations = allOperations.filter((operation) => COMMAND_METHODS.has(operation.method));
/** Every read that takes a path parameter or a query (/health reports the server, not input). */
const reads = allOperations.filter(
  (operation) =>
    operation.method === 'get' &&
    operation.path !== '/api/v1/health' &&
    (operation.params.length > 0 || operation.query.length > 0),
);

const resolve = (schema: Schema): Schema => {
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf?.length === 1) return { ...schema, ...resolve(schema.allOf[0]), allOf: [] };
  return schema;
};

/** Wrong in every way a client can be wrong: types, sizes, characters, nesting. */
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u200b',
    '\u0007',
    '\r\n',
    '-1',
    '1e309',
    'null',
    '{}',
    '[]',
    '__proto__',
    '"; DROP TABLE events; --',
    '%00',
    '../../etc/passwd',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', minLength: 480, maxLength: 600 }),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => 'å'.repeat(n)),
);
/** Short enough to fit in a URL, so that the server, not Node's header limit, answers. */
const hostileQueryValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '-1', 'null', '{}', '[]', '2025-02-30', '%'),
);
const hostileText = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\u200b', '\u0007', '\ufeff', '\u2028'),
    fc.string({ maxLength: 8 }),
  )
  .map((parts) => parts.join(''));
const mutant: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 63),
    Number.MAX_VALUE,
    [],
    {},
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 30, max: 60 }).map(nested),
);

const isoDate = fc
  .date({ min: new Date('1899-01-01'), max: new Date('2101-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Values the schema allows (roughly), and now and then something it does not. */
const valueFor = (raw: Schema, realIds: string[], depth = 0): fc.Arbitrary<unknown> => {
  const schema = resolve(raw);
  return fc.oneof(
    ...(schema.example === undefined
      ? []
      : [{ weight: 6, arbitrary: fc.constant(schema.example) }]),
    { weight: 12, arbitrary: validFor(schema, realIds, depth) },
    { weight: 1, arbitrary: mutant },
  );
};

const validFor = (schema: Schema, realIds: string[], depth: number): fc.Arbitrary<unknown> => {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [
          name,
          depth > 4 ? mutant : valueFor(property, realIds, depth + 1),
        ]),
      );
      const required = schema.required ?? [];
      return fc.oneof(
        { weight: 10, arbitrary: fc.record(shape, { requiredKeys: required }) },
        // Required fields left out.
        { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
        // An extra field beside valid ones.
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.record(shape, { requiredKeys: required }), fc.string(), mutant)
            .map(([value, key, extra]) => ({ ...value, [key]: extra })),
        },
      );
    }
    case 'array':
      return fc.array(schema.items ? valueFor(schema.items, realIds, depth + 1) : mutant, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 12, 12),
      });
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.constantFrom(min, max, min - 1, max + 1),
        ...(schema.type === 'number' ? [fc.double({ min, max, noNaN: true })] : []),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'string':
    default:
      if (schema.format === 'date') {
        return fc.oneof(isoDate, fc.constantFrom('2025-02-30', '2025-03-01', '2025-06-30'));
      }
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'uuid') {
        return realIds.length > 0 ? fc.oneof(fc.constantFrom(...realIds), fc.uuid()) : fc.uuid();
      }
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.string({
            minLength: schema.minLength ?? 0,
            maxLength: Math.min(schema.maxLength ?? 40, 40),
          }),
        },
        // Text that is valid JSON but that PostgreSQL or a validator may choke on.
        { weight: 1, arbitrary: hostileText },
      );
  }
};

/** The data the commands act on: an insats of each kind, deltaganden in each state, users. */
// The individ insats first: GET /insatser lists in the förbund's order (then namn), not this one.
const insatser = [await t.insats(), await t.insats({ matmetod: 'volym' })];
const personal = await t.user('personal', { insatser });
const deltaganden: string[] = [];
for (const body of [remissBody(), remissBody({ inskrivning: {} })]) {
  const created = await personal.post(`/insatser/${insatser[0]}/deltaganden`, body).expect(201);
  deltaganden.push(created.body.id as string);
}
// A user the fuzzer may change: never the callers, so their roles stay as they are.
await t.user('kansli');
const usersAnswer = (await t.admin.get('/users').expect(200)).body as
  | { id: string; email: string; roll: string }[]
  | { items: { id: string; email: string; roll: string }[] };
const users = Array.isArray(usersAnswer) ? usersAnswer : usersAnswer.items;
const fuzzableUsers = users.filter((user) => user.roll === 'kansli').map((user) => user.id);

const REAL_IDS: Record<string, string[]> = {
  insatser: insatser,
  deltaganden: deltaganden,
  users: fuzzableUsers,
};

const junkSegment = fc.oneof(
  fc.uuid(),
  fc.constantFrom('x', '0', '-1', '%00', '%ZZ', '%F0%9F', '9'.repeat(40), 'null', '..'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
);

const paramOf = (segment: string): string | undefined => /^\{(.+)\}$/.exec(segment)?.[1];

const pathFor = (operation: Operation): fc.Arbitrary<string> => {
  const segments = operation.path.split('/');
  const parts = segments.map((segment, index) => {
    const param = paramOf(segment);
    if (!param) return fc.constant(segment);
    if (param === 'ar') {
      return fc.oneof(fc.integer({ min: 1990, max: 2110 }).map(String), junkSegment);
    }
    const real = REAL_IDS[segments[index - 1]] ?? [];
    return real.length > 0
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...real) },
          { weight: 1, arbitrary: junkSegment },
        )
      : junkSegment;
  });
  return fc.tuple(...parts).map((values) => values.join('/').replace(/^\/api\/v1/, ''));
};

const bodyFor = (operation: Operation): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: operation.body ? valueFor(operation.body, insatser) : fc.constant({}),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: mutant },
  );

/** encodeURIComponent, but a lone surrogate goes out as the bytes a sloppy client sends. */
const encode = (value: string): string =>
  value
    .split(/(\p{Cs})/u)
    .map((part) => (/^\p{Cs}$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');

const serialize = (name: string, value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((item) => serialize(name, item))
    : [
        `${encode(name)}=${encode(
          typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
        )}`,
      ];

const MAX_QUERY_LENGTH = 8_000;

/** A query string: each parameter absent, valid-ish, repeated, bracketed or junk. */
const queryFor = (operation: Operation): fc.Arbitrary<string> =>
  fc
    .tuple(
      ...operation.query.map(({ name, schema }) =>
        fc.oneof(
          { weight: 2, arbitrary: fc.constant([] as string[]) },
          {
            weight: 6,
            arbitrary: valueFor(schema, insatser).map((value) => serialize(name, value)),
          },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom('[]', '[a]', '[__proto__]', '[0][1]'), hostileQueryValue)
              .map(([brackets, value]) => [`${name}${brackets}=${encode(value)}`]),
          },
          {
            weight: 1,
            arbitrary: fc
              .array(hostileQueryValue, { minLength: 2, maxLength: 3 })
              .map((values) => values.map((value) => `${name}=${encode(value)}`)),
          },
        ),
      ),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.constantFrom(['okand=1'], ['%ZZ=1'], ['a=%ZZ'], ['=']) },
      ),
    )
    .map((parts) => {
      const pairs = parts.flat();
      // Under Node's 16 kB header limit, so that the app answers: past it Node itself refuses
      // the request (431 on Node 20, a reset connection on Node 26) before the app sees it.
      return pairs.length > 0 ? `?${pairs.join('&')}`.slice(0, MAX_QUERY_LENGTH) : '';
    });

/** The path with real ids (any id where none is known), as a legitimate caller sends it. */
const realPath = (operation: Operation): string =>
  operation.path
    .split('/')
    .map((segment, index, segments) => {
      const param = paramOf(segment);
      if (!param) return segment;
      if (param === 'ar') return '2025';
      return REAL_IDS[segments[index - 1]]?.[0] ?? '00000000-0000-4000-8000-000000000000';
    })
    .join('/')
    .replace(/^\/api\/v1/, '');

/** The caller whose role reaches the validation: personal where personal may, else admin. */
const callerFor = async (operation: Operation): Promise<Caller> => {
  const probe = await send(personal, operation.method, realPath(operation), {});
  return probe.status === 403 ? t.admin : personal;
};

const send = (
  caller: Caller,
  method: Operation['method'],
  path: string,
  body: unknown,
): request.Test => {
  const test = t.http[method](`/api/v1${path}`).set('Authorization', `Bearer ${caller.token}`);
  // JSON.stringify, not supertest's own encoding: it sends top-level null, strings and numbers.
  return method === 'delete' || method === 'get'
    ? test
    : test.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
};

const statuses = new Map<number, number>();
let runs = 0;
const count = (status: number): void => {
  runs++;
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
};

describe('fuzzing every endpoint from the OpenAPI document', () => {
  afterAll(async () => {
    const counts = [...statuses.entries()].sort(([a], [b]) => a - b);
    // The figures the fuzzing reached, for whoever reads the test log.
    console.log(`fuzz: ${runs} requests; statuses ${JSON.stringify(Object.fromEntries(counts))}`);
    await t.close();
  });

  it('finds the command endpoints', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain(
      'post /api/v1/insatser/{id}/deltaganden',
    );
  });

  it.each(
    operations.map((operation) => [
      `${operation.method.toUpperCase()} ${operation.path}`,
      operation,
    ]),
  )('%s: never 5xx, and nothing appended when refused', async (_, operation) => {
    const caller = await callerFor(operation);
    await fc.assert(
      fc.asyncProperty(pathFor(operation), bodyFor(operation), async (path, body) => {
        const before = await t.store.headPosition();
        const answer = await send(caller, operation.method, path, body);
        const after = await t.store.headPosition();
        count(answer.status);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(after).toBe(before);
      }),
      { numRuns: RUNS_PER_ENDPOINT, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it.each(reads.map((read) => [`GET ${read.path}`, read]))(
    '%s: never 5xx for any path or query',
    async (_, read) => {
      const caller = await callerFor(read);
      await fc.assert(
        fc.asyncProperty(pathFor(read), queryFor(read), async (path, query) => {
          const answer = await send(caller, 'get', `${path}${query}`, undefined);
          count(answer.status);
          expect(answer.status).toBeLessThan(500);
        }),
        { numRuns: RUNS_PER_ENDPOINT, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
  );

  it('POST /auth/token: never 5xx for any body', async () => {
    const token = resolve({ $ref: '#/components/schemas/TokenRequestDto' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(valueFor(token, []), fc.jsonValue({ maxDepth: 4 }), mutant),
        async (body) => {
          const answer = await t.http
            .post('/api/v1/auth/token')
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body) ?? 'null');
          count(answer.status);
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS_PER_ENDPOINT, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});
