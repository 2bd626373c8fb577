// Import boundaries and cycles, checked by `npm run check:imports` (part of `npm test`, so CI runs
// it). The layers are drawn in docs/architecture.md. TypeScript is parsed with swc: TypeScript 7
// has no compiler API for dependency-cruiser to use.
const { builtinModules } = require('node:module');

/** Node's built-in modules as resolved paths ('fs', 'node:fs', 'fs/promises'...). */
const NODE_BUILTINS = `^(node:)?(${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle (type-only imports included) makes two modules one: split out what both need.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'compiler-is-the-bottom-layer',
      comment: 'electron/deck compiles Markdown to a Deck; it imports nothing from the layers that use it.',
      severity: 'error',
      from: { path: '^electron/deck/' },
      to: { path: '^(electron/(export|app|cli|preload)|renderer/)' },
    },
    {
      name: 'electron-only-in-main-and-preload',
      comment:
        'Only electron/app/main.ts and electron/preload.ts import Electron, types included (swc cannot tell a type-only import apart); the rest runs in plain Node and is tested there. One exception: security.ts names Electron\'s WebPreferences type (import type), so the security checklist test sees every Electron setting.',
      severity: 'error',
      from: { pathNot: '^electron/(app/(main|security)|preload)\\.ts$' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'renderer-has-no-node',
      comment: 'The renderer runs in a sandboxed page: no Node built-in, directly or through what it imports.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: NODE_BUILTINS, reachable: true },
    },
    {
      name: 'renderer-uses-browser-packages-only',
      comment: 'Packages the renderer may bundle; a Node-only package (chokidar, commander, playwright...) would break the page.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^node_modules/(reveal\\.js|katex|@fontsource)/' },
    },
    {
      name: 'renderer-imports-only-contract-and-deck-types',
      comment: 'From electron/ the renderer may use the IPC contract, the Deck types and the ink format (stroke types, geometry, the sidecar format: pure code both sides share; its file I/O lives in electron/ink/file) and the pure rehearsal sidecar format, report and charts (electron/sidecar/rehearsals.ts, rehearsal-report.ts, rehearsal-chart.ts), nothing that runs in main.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: '^electron/(contract/|deck/types\\.ts$|ink/[^/]+\\.ts$|sidecar/rehearsals\\.ts$|sidecar/rehearsal-report\\.ts$|sidecar/rehearsal-chart\\.ts$)' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle or a wrong layer through types still ties modules together.
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types', 'typings'] },
    exclude: { path: '\\.css$' },
  },
};
