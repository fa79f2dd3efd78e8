import {
  AVSLUTSORSAK,
  FORSORJNING,
  MALMATT,
  REMITTENT,
  SYSSELSATTNING,
  UTFALL_GRUPP,
} from '#domain';
import { JAMFOR, SKYDDAD, DOLD } from '#statistik';
import type { OpenAPIObject } from '@nestjs/swagger';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string] & {
  nullable?: boolean;
};

/**
 * The statistics report (libs/statistik/src/report.ts) as OpenAPI 3.0 schemas, registered in
 * the document's components (openapi-config.ts) so the web's generated types describe every
 * field. Every object lists all its properties (additionalProperties: false), so a field the
 * report gains without a schema here fails the type check in test/openapi-report-types.spec.ts.
 */
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const object = (
  properties: Record<string, SchemaObject>,
  optional: readonly string[] = [],
  description?: string,
): SchemaObject => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  additionalProperties: false,
});
const array = (items: SchemaObject, description?: string): SchemaObject => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
const string = (description?: string): SchemaObject => ({
  type: 'string',
  ...(description ? { description } : {}),
});
const civilDate: SchemaObject = { type: 'string', format: 'date', example: '2025-01-01' };
const kronor = nullable({ type: 'integer', minimum: 0, description: 'Hela kronor' });
const dagar: SchemaObject = object({
  medel: nullable({ type: 'number' }),
  median: nullable({ type: 'number' }),
});
const enumOf = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });

const byKon = (value: SchemaObject): SchemaObject =>
  object({ kvinna: value, man: value, ejAngivet: value, totalt: value });

const tables: Record<string, SchemaObject> = {
  deltagare: object({
    aktuella: ref('ByKon'),
    nya: ref('ByKon'),
    overforda: ref('ByKon'),
    avslutade: ref('ByKon'),
    pagaende: ref('ByKon'),
  }),
  aldersgrupper: array(
    object({ grupp: string('T.ex. "16-24"'), aktuella: ref('ByKon'), nya: ref('ByKon') }),
  ),
  remisser: object({
    mottagna: ref('ByKon'),
    aterremitterade: ref('ByKon'),
    vantande: ref('ByKon'),
    perRemittent: array(object({ remittent: ref('Remittent'), antal: ref('ByKon') })),
    perKommun: array(
      object({ kommun: string('Kommunkod'), antal: ref('ByKon') }),
      'Bara kommuner som förekommer, efter kommunkod',
    ),
    kotidDagar: dagar,
  }),
  nyaPerRemittent: array(
    object({ remittent: ref('Remittent'), antal: ref('Antal'), andel: ref('Andel') }),
  ),
  utfall: object({
    perAvslutsorsak: array(
      object({
        avslutsorsak: enumOf(AVSLUTSORSAK),
        antal: ref('ByKon'),
        andel: ref('Andel'),
      }),
    ),
    perGrupp: array(
      object({ grupp: enumOf(UTFALL_GRUPP), antal: ref('ByKon'), andel: ref('ByKonAndel') }),
    ),
    arbeteEllerStudier: ref('AntalOchAndel'),
  }),
  forsorjning: object({
    avslutade: ref('ByKon'),
    rader: array(
      object({
        kod: ref('Forsorjning'),
        vidInskrivning: ref('ByKon'),
        vidAvslut: ref('ByKon'),
      }),
    ),
    overgangar: array(
      object({ fran: ref('Forsorjning'), till: ref('Forsorjning'), antal: ref('Antal') }),
      'Bara par som förekommer',
    ),
  }),
  tidIInsatsDagar: dagar,
  uppfoljning: array(
    object({
      manaderEfterAvslut: { type: 'integer', enum: [6, 12] },
      sysselsattning: enumOf(SYSSELSATTNING),
      antal: ref('ByKon'),
    }),
  ),
  volym: ref('ByKon'),
  maluppfyllelse: array(
    object({
      ar: { type: 'integer' },
      mal: nullable(
        object(
          {
            deltagare: nullable({ type: 'integer' }),
            nyaDeltagare: nullable({ type: 'integer' }),
            andelArbeteStudier: nullable({ type: 'number' }),
          },
          [],
          'Årets årsmål; en del som aldrig satts är null',
        ),
      ),
      utfall: object({
        aktuella: ref('Antal'),
        nya: ref('Antal'),
        andelArbeteStudier: ref('Andel'),
      }),
    }),
  ),
  kommuner: array(
    object({
      kommun: string('Kommunkod'),
      remisser: object({
        mottagna: ref('ByKon'),
        aterremitterade: ref('ByKon'),
        inskrivna: ref('ByKon'),
      }),
      aktuella: ref('ByKon'),
      nya: ref('ByKon'),
    }),
    'Bara kommuner som förekommer, efter kommunkod',
  ),
  nyaPerRemittentEnhet: array(
    object({
      remittent: ref('Remittent'),
      enhet: nullable(string('Som skriven, trimmad och med gemener; null: ingen angiven')),
      antal: ref('Antal'),
    }),
  ),
  mal: array(ref('MalRow'), 'Mål vars period överlappar rapportens'),
  ekonomi: array(
    object({
      ar: { type: 'integer' },
      budget: kronor,
      kostnad: kronor,
      aktuella: ref('Antal'),
      nya: ref('Antal'),
      kostnadPerDeltagare: kronor,
      kostnadPerNyDeltagare: kronor,
    }),
    'Kalenderåren i perioden med budget eller kostnad',
  ),
};

const oversiktJamforelse = {
  aktuella: ref('ByKon'),
  nya: ref('ByKon'),
  avslutade: ref('ByKon'),
  arbeteEllerStudier: ref('AntalOchAndel'),
};

const period = object({ fran: civilDate, till: civilDate });

export const STATISTIK_REPORT_SCHEMAS: Record<string, SchemaObject> = {
  Antal: {
    description: `Ett antal; med skydda: "${SKYDDAD}" för 1–4 (primär sekretess), "${DOLD}" för ett antal som döljs för att ett annat inte ska kunna räknas fram (sekundär sekretess)`,
    oneOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', enum: [SKYDDAD, DOLD] },
    ],
  },
  Andel: nullable({
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'Andel 0–1; null där nämnaren är 0 eller skyddad',
  }),
  ByKon: byKon(ref('Antal')),
  ByKonAndel: byKon(ref('Andel')),
  AntalOchAndel: object({ antal: ref('ByKon'), andel: ref('ByKonAndel') }),
  Remittent: enumOf(REMITTENT),
  Forsorjning: enumOf(FORSORJNING),
  MalRow: object(
    {
      malId: string('Målets id; en del av ett årsmål är arsmal-<ar>-<matt>'),
      matt: enumOf(MALMATT),
      fran: civilDate,
      till: civilDate,
      varde: { type: 'number', minimum: 0 },
      utfall: {
        description: 'Antal för antalsmått, andel (0–1) för andel-…',
        nullable: true,
        oneOf: [ref('Antal'), { type: 'number', minimum: 0, maximum: 1 }],
      },
      andelAvMal: nullable({ type: 'number', description: 'utfall / varde' }),
      iFas: nullable({
        type: 'boolean',
        description: 'Bara för mål längre än rapportperioden: om utfallet håller takten',
      }),
      underlag: object({ antal: ref('Antal'), avslutade: ref('Antal') }),
    },
    ['iFas', 'underlag'],
  ),
  InsatsTables: object({
    ...tables,
    insatsId: { type: 'string', format: 'uuid' },
    namn: string(),
    grupp: nullable(string('Som känd vid asOf')),
    ordning: nullable({ type: 'integer' }),
  }),
  GruppTables: object(
    {
      ...tables,
      grupp: string(),
      insatsIds: array({ type: 'string', format: 'uuid' }),
      unikaPersoner: ref('ByKon'),
    },
    [],
    'Delsumma för en grupp över dess insatser i rapporten; unika personer räknas en gång',
  ),
  TotaltTables: object({ ...tables, unikaPersoner: ref('ByKon') }),
  OversiktEkonomi: object({
    budget: kronor,
    kostnad: kronor,
    kostnadPerDeltagare: kronor,
    kostnadPerNyDeltagare: kronor,
  }),
  OversiktJamforelse: object(oversiktJamforelse),
  OversiktRow: object(
    {
      typ: enumOf(['insats', 'grupp', 'forbund']),
      insatsId: { type: 'string', format: 'uuid' },
      grupp: string(),
      namn: string(),
      ...oversiktJamforelse,
      volym: ref('ByKon'),
      mal: array(ref('MalRow')),
      ekonomi: ref('OversiktEkonomi'),
      jamforelse: ref('OversiktJamforelse'),
    },
    ['insatsId', 'grupp', 'volym', 'ekonomi', 'jamforelse'],
    'En rad i översikten: en insats, en grupps delsumma (efter dess sista insats) eller förbundet (sist)',
  ),
  Jamforelse: object({
    typ: enumOf(JAMFOR),
    period,
    oversikt: array(ref('OversiktRow')),
    totalt: ref('TotaltTables'),
  }),
  StatistikReport: object(
    {
      period,
      asOf: { type: 'string', format: 'date-time', description: 'Som känt vid (ISO)' },
      forbund: object({ id: { type: 'string', format: 'uuid' }, namn: string() }),
      insatser: array(ref('InsatsTables'), 'Efter ordning (ingen sist), sedan namn'),
      grupper: array(ref('GruppTables'), 'I ordning efter gruppens första insats'),
      totalt: ref('TotaltTables'),
      oversikt: array(ref('OversiktRow'), 'Översikten, i förbundets ordning'),
      jamforelse: ref('Jamforelse'),
    },
    ['jamforelse'],
  ),
};
