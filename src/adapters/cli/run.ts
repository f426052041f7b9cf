import { commandDispatcher } from '../../app/commands.ts';
import { parseCommandWords } from '../../commandKit/commandLine.ts';
import type { CommandContext, Invoker } from '../../commandKit/command.ts';
import { errorJson, resultJson } from '../../contract/toJson.ts';
import { InputError } from '../../errors.ts';
import { describeFailure } from '../../failure.ts';
import type { Library } from '../../library.ts';
import type { Logger } from '../../log.ts';
import { present } from '../../present/present.ts';
import { renderFailureText, renderText } from '../../present/text.ts';
import { askMarkdown } from '../../present/markdown.ts';
import { usageView } from '../../present/usage.ts';
import { CSL_STYLES, isCslStyle, type CitationStyle, type CslStyle } from '../../cite/index.ts';
import type { CommandDefinition } from '../../commandKit/definition.ts';
import { localFiles } from './localFiles.ts';
import type { ProgressSink } from './progress.ts';

export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

const HELP_FLAGS = ['--help', '-h'];

/** Splits `--json` and `--help` (which belong to the CLI, not to any command) from the command's own words. */
function splitCliArgs(argv: readonly string[]): {
  json: boolean;
  help: boolean;
  name: string | undefined;
  words: string[];
} {
  const json = argv.includes('--json');
  const help = argv.some((word) => HELP_FLAGS.includes(word));
  const rest = argv.filter((word) => word !== '--json' && !HELP_FLAGS.includes(word));
  return { json, help, name: rest[0], words: rest.slice(1) };
}

/**
 * `ask … --format markdown [--style mla]`: the answer as block quotes with citations, ready to
 * paste. `--format` and `--style` belong to the CLI only for commands with no option of that name.
 */
function takeMarkdownOptions(
  definition: CommandDefinition,
  words: string[],
  preferred: CitationStyle | undefined,
): { words: string[]; markdown: CslStyle | null } {
  const own = new Set(definition.options.map((option) => option.name));
  const taken: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = /^--(format|style)(?:=(.*))?$/.exec(words[i]!);
    if (!match || own.has(match[1]!)) {
      rest.push(words[i]!);
      continue;
    }
    const value = match[2] ?? words[++i];
    if (value === undefined) throw new InputError('missing_value', `--${match[1]} needs a value.`);
    taken[match[1]!] = value.toLowerCase();
  }
  if (taken.format === undefined || taken.format === 'text') {
    if (taken.style !== undefined)
      throw new InputError('unknown_option', `--style goes with --format markdown (or use /cite).`);
    return { words: rest, markdown: null };
  }
  if (taken.format !== 'markdown' || definition.name !== 'ask')
    throw new InputError(
      'bad_format',
      `--format ${taken.format} is not an output format of ${definition.name}; ask takes --format markdown.`,
    );
  // A Markdown answer cites in text, so only the styles with an in-text form.
  const style = taken.style ?? (preferred && isCslStyle(preferred) ? preferred : 'apa');
  if (!isCslStyle(style))
    throw new InputError('bad_option', `--style for Markdown must be one of ${CSL_STYLES.join(', ')}, not "${style}".`);
  return { words: rest, markdown: style };
}

/**
 * One CLI invocation, from arguments to what is printed and the exit status. Pure apart from the
 * command itself, so tests can run it in-process; `main.ts` does the real I/O.
 */
export interface CliDependencies {
  readonly openLibrary: () => Promise<Library>;
  readonly log: Logger;
  readonly preferences?: CommandContext['preferences'];
  /** Shows a long task's progress (a progress bar when stderr is a terminal). */
  readonly progress?: ProgressSink;
}

/** The CLI runs as a moderator: whoever can run it can edit the corpus folder anyway. */
const INVOKER: Invoker = { via: 'cli', isModerator: true };

export async function runCli(
  argv: readonly string[],
  { openLibrary, log, preferences, progress }: CliDependencies,
): Promise<CliOutput> {
  const { json, help, name: named, words } = splitCliArgs(argv);
  // `cli --help` is `cli help`; `cli ask --help` shows how to run ask, without loading the corpus.
  const name = help && !named ? 'help' : named;
  try {
    if (help && name !== 'help' && name && !json)
      return { stdout: `${renderText(usageView(commandDispatcher().find(name, INVOKER)))}\n`, stderr: '', exitCode: 0 };
    if (!name)
      throw new InputError(
        'missing_command',
        'Name a command (npm run -s cli -- --help lists them). Example: npm run -s cli -- ask "What did officials say would happen next?" --json',
      );
    const dispatcher = commandDispatcher();
    const definition = dispatcher.find(name, INVOKER);
    const { words: commandWords, markdown } = takeMarkdownOptions(definition, words, preferences?.citeStyle);
    if (markdown && json) throw new InputError('bad_format', 'Choose one output: --json or --format markdown.');
    const raw = parseCommandWords(definition, commandWords);
    const library = await openLibrary();
    const result = await dispatcher
      .run(name, raw, {
        library,
        invoker: INVOKER,
        log,
        uploads: localFiles,
        ...(progress ? { progress: (state) => progress.report(state) } : {}),
        ...(preferences ? { preferences } : {}),
      })
      .finally(() => progress?.end());
    const stdout = json
      ? JSON.stringify(resultJson(result), null, 2)
      : markdown && result.kind === 'ask'
        ? askMarkdown(result, markdown)
        : renderText(present(result));
    return { stdout: `${stdout}\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.unexpected) log.error({ event: 'cli_failed', err: error }, 'command failed');
    return json
      ? { stdout: `${JSON.stringify(errorJson(failure), null, 2)}\n`, stderr: '', exitCode: failure.exitCode }
      : { stdout: '', stderr: `dossier: ${renderFailureText(failure)}\n`, exitCode: failure.exitCode };
  }
}
