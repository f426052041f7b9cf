import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commandDispatcher } from '../../app/commands.ts';
import type { RawValue } from '../../commandKit/args.ts';
import { parseCommandWords, splitWords } from '../../commandKit/commandLine.ts';
import type { CommandContext, Invoker } from '../../commandKit/command.ts';
import { describeFailure } from '../../failure.ts';
import type { Library } from '../../library.ts';
import type { Logger } from '../../log.ts';
import { present } from '../../present/present.ts';
import { renderFailureText, renderText } from '../../present/text.ts';
import { localFiles } from '../cli/localFiles.ts';
import type { ProgressSink } from '../cli/progress.ts';

export interface ConsoleOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly library: Library;
  readonly log: Logger;
  readonly color: boolean;
  readonly preferences?: CommandContext['preferences'];
  /** Shows a long task's progress (/corpus reload): a progress bar when the console is a terminal. */
  readonly progress?: ProgressSink;
}

/** How a line is answered: the console's options, and the terminal's width now, to wrap the answer to (never inside a word or an id). */
export type LineOptions = Pick<ConsoleOptions, 'library' | 'log' | 'color' | 'preferences' | 'progress'> & {
  readonly width?: number;
};

export const PROMPT = 'dossier> ';

/** The console runs on the operator's own machine: a moderator, as in the CLI. */
const INVOKER: Invoker = { via: 'console', isModerator: true };

/** What one console remembers between lines: the request `/more` continues, the last one with a next page. */
export class ConsoleSession {
  next: { readonly name: string; readonly raw: Readonly<Record<string, RawValue>>; readonly offset: number } | null =
    null;
}

const NOTHING_TO_CONTINUE = 'Nothing to continue: /more shows the next page of the last answer that has one.';

/**
 * Answers one typed line: "/name options…" runs that command, plain text is a question for /ask,
 * `/more` the next page of the last answer. Returns the text to print, or null when the user
 * asked to leave.
 */
export async function answerLine(
  line: string,
  options: LineOptions,
  session: ConsoleSession = new ConsoleSession(),
): Promise<string | null> {
  const trimmed = line.trim();
  if (trimmed === '') return '';
  if (/^\/(quit|exit|q)$/i.test(trimmed)) return null;
  const more = /^\/more$/i.test(trimmed);
  if (more && !session.next) return NOTHING_TO_CONTINUE;
  const [first = '', ...rest] = more
    ? [session.next!.name]
    : splitWords(trimmed.startsWith('/') ? trimmed.slice(1) : `ask ${trimmed}`);
  try {
    // A dispatcher per line: it keeps only cooldowns, and the operator has no user id for one to hold back.
    const dispatcher = commandDispatcher();
    const raw = more
      ? { ...session.next!.raw, offset: session.next!.offset }
      : parseCommandWords(dispatcher.find(first, INVOKER), rest);
    const { progress } = options;
    const result = await dispatcher
      .run(first, raw, {
        library: options.library,
        invoker: INVOKER,
        log: options.log,
        uploads: localFiles,
        ...(progress ? { progress: (state) => progress.report(state) } : {}),
        ...(options.preferences ? { preferences: options.preferences } : {}),
      })
      .finally(() => progress?.end());
    const view = present(result);
    session.next = view.nextOffset !== undefined ? { name: first, raw, offset: view.nextOffset } : null;
    return renderText(view, {
      color: options.color,
      nextPage: 'more',
      ...(options.width ? { width: options.width } : {}),
    });
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.unexpected) options.log.error({ event: 'console_command_failed', err: error }, 'command failed');
    return renderFailureText(failure);
  }
}

/** The local console: the bot's commands typed in a terminal, until /quit or end of input. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { corpus } = options.library.current;
  const lines = createInterface({
    input: options.input,
    output: options.output,
    prompt: PROMPT,
    terminal: options.color,
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  write(`Dossier: ${corpus.sources.length} articles, ${corpus.passages.length} passages from ${options.library.dir}.`);
  if (corpus.errors.length > 0)
    write(`Not loaded: ${corpus.errors.map((error) => `${error.file} ${error.message}`).join('; ')}`);
  write('Type a question, or /help for the commands, /more for the next page, /quit to leave.');
  const session = new ConsoleSession();
  quitOnSecondInterrupt(lines, write);
  lines.prompt();
  // Lines are answered one at a time, in order, even when pasted in a burst.
  for await (const line of lines) {
    // Read each time: the terminal may have been resized.
    const { columns } = options.output as { columns?: number };
    const answer = await answerLine(line, { ...options, ...(columns ? { width: columns } : {}) }, session);
    if (answer === null) break;
    if (answer !== '') write(answer);
    lines.prompt();
  }
  lines.close();
}

/**
 * Ctrl-C as a shell has it: the first clears what is typed (and says how to leave), a second in a
 * row quits. Only a terminal sends it as a key; elsewhere SIGINT stops the process as usual.
 */
function quitOnSecondInterrupt(lines: Interface, write: (text: string) => void): void {
  let armed = false;
  lines.on('line', () => (armed = false));
  lines.on('SIGINT', () => {
    if (armed) {
      lines.close();
      return;
    }
    armed = true;
    lines.write(null, { ctrl: true, name: 'u' }); // clears the line typed so far
    write('\n(Press Ctrl-C again to quit, or type /quit.)');
    lines.prompt();
  });
}
