/**
 * Architecture boundaries (docs/adr/013-person-sets.md), checked by eslint-plugin-boundaries:
 * - a server module imports another module only through its public face: `people.ts`,
 *   `index.ts`, `*-service.ts`, or a file listed in PUBLIC_FACES below;
 * - platform code never imports a business module;
 * - a web feature never imports another feature nor the app shell (shared code lives in
 *   web/src/shared, which imports no feature).
 * packages/server/src/architecture.test.ts proves the rule reports a violation.
 */

/** Extra public files per module, beside people.ts, index.ts and *-service.ts. */
const PUBLIC_FACES = [
  // Competition results other modules read (talent pool, profile).
  'competition-results.ts',
  // A drawn paper's snapshot, taken by exams when an attempt starts.
  'draw-paper.ts',
  // Test fixtures of one module reused by another module's tests.
  'authorization-fixtures.ts',
  '*-test-support.ts',
  'test-support.ts',
  // Generic xlsx and upload plumbing, still inside personnel until platform/files takes it over.
  'import/import-sheets.ts',
  'import/import-service.ts',
  'import/import-test-support.ts',
  // The portal's settings (message sender, test switch, rate scale), shared by public voting.
  'portal/portal-settings.ts',
];

export const boundarySettings = {
  'boundaries/elements': [
    { type: 'server-module', pattern: 'packages/server/src/modules/*', capture: ['module'] },
    { type: 'server-platform', pattern: 'packages/server/src/platform' },
    { type: 'web-feature', pattern: 'packages/web/src/features/*', capture: ['feature'] },
    { type: 'web-shared', pattern: 'packages/web/src/shared' },
    { type: 'web-app', pattern: 'packages/web/src/app' },
  ],
  'boundaries/include': ['packages/*/src/**/*'],
  // Web imports omit the extension (Vite resolves them); the server's carry `.ts`.
  'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
};

export const boundaryPolicies = {
  default: 'allow',
  policies: [
    {
      from: { element: { type: 'server-platform' } },
      disallow: { to: { element: { type: 'server-module' } } },
      message: 'Platform code knows no business module.',
    },
    {
      from: { element: { type: 'server-module' } },
      disallow: { to: { element: { type: 'server-module' } }, dependency: { relationship: { to: null } } },
      message: 'Import another module only through its public face (people.ts, index.ts or *-service.ts).',
    },
    {
      // Later policies win: the public faces stay open.
      from: { element: { type: 'server-module' } },
      allow: { to: { element: { type: 'server-module', fileInternalPath: ['people.ts', 'index.ts', '*-service.ts', ...PUBLIC_FACES] } } },
    },
    {
      from: { element: { type: 'web-feature' } },
      disallow: { to: { element: { type: 'web-feature' } }, dependency: { relationship: { to: null } } },
      message: 'Web features never import each other; move shared code to web/src/shared.',
    },
    {
      from: { element: { type: 'web-feature' } },
      disallow: { to: { element: { type: 'web-app' } } },
      message: 'A web feature does not import the app shell; shared pieces live in web/src/shared.',
    },
    {
      from: { element: { type: 'web-shared' } },
      disallow: { to: { element: { type: ['web-feature', 'web-app'] } } },
      message: 'web/src/shared imports no feature and not the app shell.',
    },
  ],
};
