/**
 * Layer rules, checked by `npm run lint` (depcruise). One source of truth for what may
 * import what; see STYLE.md "Enforce every boundary".
 */
const LIBS_OTHER_THAN = (...own) => `^libs/(?!(?:${own.join('|')})/)`;

export default {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain is pure TypeScript: no framework, no I/O, no other lib or app. Pass time, ' +
        'context and data in.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libs serve the apps; an app-specific need belongs in the app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'event-store-stands-alone',
      comment: 'The event-store port and its adapters know nothing of the domain or read models.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: LIBS_OTHER_THAN('event-store') },
    },
    {
      name: 'projections-layer',
      comment: 'Projections build on the domain and the event store only.',
      severity: 'error',
      from: { path: '^libs/projections/' },
      to: { path: LIBS_OTHER_THAN('projections', 'domain', 'event-store') },
    },
    {
      name: 'statistik-layer',
      comment: 'Statistics read the read models; they do not start servers or read config.',
      severity: 'error',
      from: { path: '^libs/statistik/' },
      to: { path: LIBS_OTHER_THAN('statistik', 'domain', 'event-store', 'projections') },
    },
    {
      name: 'platform-layer',
      comment:
        'Start-up (config, database, store factory) knows no tables and no read models: ' +
        'callers pass their entities and migrations.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: LIBS_OTHER_THAN('platform', 'domain', 'event-store') },
    },
    {
      name: 'libs-through-their-index',
      comment:
        'Server code uses another lib through its #alias (its index), not a file inside it, so ' +
        'each lib decides what it exports.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/$1/'] },
    },
    {
      name: 'apps-use-libs-through-their-index',
      comment: 'As libs-through-their-index, for the server apps.',
      severity: 'error',
      from: { path: '^apps/(api|projector)/' },
      to: { path: '^libs/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'apps-stay-apart',
      comment:
        'An app does not reach into another app: what two apps share lives in a lib ' +
        '(the projector gets its start-up from #platform, not from apps/api/src).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-gets-no-server-code',
      comment:
        'The browser bundle imports pure code lists from libs/domain and, at most, types from ' +
        'other libs (erased at build); never server code. One narrow exception: the statistics ' +
        "tables' declarative half (libs/statistik/src/tables/visning, kept browser-safe by " +
        'tabell-visning-is-browser-safe), so the screen shows the same tables as the exports.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: {
        path: '^(apps/(?!web/)|libs/(?!domain/|statistik/src/tables/visning/))',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'tabell-visning-is-browser-safe',
      comment:
        "The tables' declarative half is bundled into the web: it imports libs/domain and its " +
        'own files only, and at most types from the rest of libs/statistik (no suppression, ' +
        'SQL or PDF code, no Node built-ins).',
      severity: 'error',
      from: { path: '^libs/statistik/src/tables/visning/' },
      to: {
        path: '^(apps/|libs/(?!domain/|statistik/src/tables/visning/))',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'tabell-visning-does-no-node-io',
      comment: 'As web-does-no-node-io, for the code the web bundles from libs/statistik.',
      severity: 'error',
      from: { path: '^libs/statistik/src/tables/visning/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-does-no-node-io',
      comment: 'Node built-ins do not exist in the browser.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|apps/web/dist)/' },
    // Type-only imports count too: they are what ties a lib to another at compile time.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // `source` resolves the #aliases (package.json "imports") to the TypeScript sources.
      conditionNames: ['source', 'import', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
