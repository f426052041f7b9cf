/**
 * The layers are a rule, not a habit (issue 15): `npm run lint` runs dependency-cruiser with
 * .dependency-cruiser.cjs over src, commands and bench. This test plants each kind of wrong
 * import in a small tree shaped like the project and proves the same configuration refuses it,
 * and lets the imports the layers allow (and a cycle of types alone) through.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');

const PLANTED: Record<string, string> = {
  // Allowed: adapter → app → command → engine.
  'src/adapters/console/console.ts':
    "import { COMMANDS } from '../../app/commands.ts';\nexport const shown = COMMANDS;\n",
  'src/app/commands.ts': "import { ask } from '../../commands/ask.ts';\nexport const COMMANDS = [ask];\n",
  'commands/ask.ts': "import { search } from '../src/search/engine.ts';\nexport const ask = search;\n",
  'src/search/engine.ts': "import type { Shape } from './shape.ts';\nexport const search = (shape: Shape) => shape;\n",
  // A cycle of types alone loads nothing: allowed.
  'src/search/shape.ts': "import type { search } from './engine.ts';\nexport type Shape = { run?: typeof search };\n",
  // Wrong: the engine imports a command, an adapter and the app.
  'src/timeline/usesCommand.ts': "import { ask } from '../../commands/ask.ts';\nexport const a = ask;\n",
  'src/cite/usesAdapter.ts': "import { shown } from '../adapters/console/console.ts';\nexport const b = shown;\n",
  // Wrong: an adapter imports a command past the app.
  'src/adapters/discord/usesCommand.ts': "import { ask } from '../../../commands/ask.ts';\nexport const d = ask;\n",
  // Wrong: a command imports the app.
  'commands/usesApp.ts': "import { COMMANDS } from '../src/app/commands.ts';\nexport const c = COMMANDS;\n",
  // Wrong: modules that load each other.
  'src/corpus/one.ts': "import { two } from './two.ts';\nexport const one = () => two();\n",
  'src/corpus/two.ts': "import { one } from './one.ts';\nexport const two = () => one;\n",
};

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-layers-'));
  for (const [path, text] of Object.entries(PLANTED)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        allowImportingTsExtensions: true,
        noEmit: true,
      },
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function violations(): Promise<string[]> {
  const run = await promisify(execFile)(
    DEPCRUISE,
    ['src', 'commands', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: dir },
  ).catch(
    // depcruise exits non-zero when it finds violations; the report is on stdout all the same.
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('the dependency rules of npm run lint', () => {
  it('refuse an engine import of commands/, the app or an adapter, an adapter importing a command, a command importing the app, and a cycle', async () => {
    expect(await violations()).toEqual([
      'adapters-import-commands: src/adapters/discord/usesCommand.ts -> commands/ask.ts',
      'commands-import-app-or-adapters: commands/usesApp.ts -> src/app/commands.ts',
      'engine-imports-app-or-adapters: src/cite/usesAdapter.ts -> src/adapters/console/console.ts',
      'engine-imports-commands: src/timeline/usesCommand.ts -> commands/ask.ts',
      'no-cycles: src/corpus/one.ts -> src/corpus/two.ts',
    ]);
  }, 60_000);
});
