/**
 * The layers as a rule (issue 15): adapters → app → commands → engine. The engine is everything
 * under src/ but the adapters, the app and the entry point src/main.ts; benchmarks (bench/) use
 * the app's wiring and the engine. `npm run lint` runs this over src, commands and bench.
 */
const ENGINE = '^src/(?!adapters/|app/|main\\.ts$)';
module.exports = {
  forbidden: [
    {
      name: 'engine-imports-commands',
      comment: 'The engine knows no command: the app hands the command list to dispatch.',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: '^commands/' },
    },
    {
      name: 'engine-imports-app-or-adapters',
      comment: 'The engine knows no transport and no composition root.',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: '^src/(adapters|app)/' },
    },
    {
      name: 'commands-import-app-or-adapters',
      comment: 'A command returns plain data; adapters present it.',
      severity: 'error',
      from: { path: '^commands/' },
      to: { path: '^src/(adapters|app)/' },
    },
    {
      name: 'adapters-import-commands',
      comment: 'Adapters get the commands from the app, the one place that lists them.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^commands/' },
    },
    {
      name: 'app-imports-adapters',
      comment: 'Adapters depend on the app, never the other way.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'bench-imports-adapters-or-commands',
      comment: 'Benchmarks measure the engine through the app, as the programs run it.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^(src/adapters/|commands/)' },
    },
    {
      name: 'no-cycles',
      comment: 'A cycle of modules that load each other makes load order matter (types alone load nothing).',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
