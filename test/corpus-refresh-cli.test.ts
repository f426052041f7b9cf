/**
 * `corpus …` from a terminal: the JSON documents of the contract (validated by the zod schemas in
 * src/contract/schema.ts), exit codes, the console, subcommands in the command kit, and the
 * progress bar.
 */
import { rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from './support/cliProcess.ts';
import { ask } from '../commands/ask.ts';
import { corpus } from '../commands/corpus.ts';
import { runCli } from '../src/adapters/cli/run.ts';
import { progressBar } from '../src/adapters/cli/progress.ts';
import { answerLine } from '../src/adapters/console/console.ts';
import { parseCommandWords } from '../src/commandKit/commandLine.ts';
import {
  corpusEditSchema,
  corpusReloadSchema,
  corpusStatusSchema,
  errorSchema,
  helpSchema,
} from '../src/contract/schema.ts';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';
import { useTempCorpus } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const ARTICLE =
  '---\ntitle: Embassy staff begin to pack\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday, two employees said.\n';

describe('cli corpus status and reload --json', () => {
  it('prints the status document, exactly the contract’s fields', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const { exitCode, stdout } = await runCli(['corpus', 'status', '--json'], {
      openLibrary: async () => library,
      log: memoryLogger().log,
    });
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    const doc = corpusStatusSchema.parse(json);
    expect(Object.keys(json)).toEqual(['sources', 'passages', 'loadedAt', 'errors', 'index']);
    expect(doc).toEqual({
      sources: 5,
      passages: 41,
      loadedAt: library.current.loadedAt.toISOString(),
      errors: [],
      index: 'minisearch',
    });
  });

  it('prints the reload document with the files added, removed and changed since the last build', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await writeFile(join(dir, 'packing.md'), ARTICLE);
    await writeFile(join(dir, 'notes.pdf'), 'not an article');
    const { exitCode, stdout } = await runCli(['corpus', 'reload', '--json'], {
      openLibrary: async () => library,
      log: memoryLogger().log,
    });
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    const doc = corpusReloadSchema.parse(json);
    expect(Object.keys(json)).toEqual(['sources', 'passages', 'loadedAt', 'errors', 'index', 'changes', 'rebuilt']);
    expect(doc).toMatchObject({
      rebuilt: true,
      sources: 6,
      errors: [
        { file: 'notes.pdf', message: 'has an unsupported type; articles are .txt, .md, .markdown, .html, .htm' },
      ],
      changes: { added: ['notes.pdf', 'packing.md'], removed: [], changed: [] },
    });
    expect(doc.loadedAt).toBe(library.current.loadedAt.toISOString());
  });

  it('shows a reload’s progress through the progress sink, and clears it at the end', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await utimes(join(dir, SEEDS.voa), new Date('2030-01-01'), new Date('2030-01-01')); // something to rebuild for
    const reports: string[] = [];
    let ended = 0;
    await runCli(['corpus', 'reload'], {
      openLibrary: async () => library,
      log: memoryLogger().log,
      progress: { report: ({ done, total }) => void reports.push(`${done}/${total}`), end: () => void ended++ },
    });
    expect(reports).toEqual(['0/5', '1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(ended).toBe(1);
  });

  it('runs as a real process: one JSON document on stdout, the audit line on stderr, exit 0', {
    timeout: 60_000,
  }, async () => {
    const env = { CORPUS_DIR: dir, LOG_LEVEL: 'warn' };
    const status = await runCliProcess(['corpus', 'status', '--json'], env);
    expect(status.code).toBe(0);
    expect(corpusStatusSchema.parse(JSON.parse(status.stdout))).toMatchObject({ sources: 5, passages: 41, errors: [] });

    const upload = `${dir}-upload.md`; // beside the corpus folder, not in it
    await writeFile(upload, ARTICLE);
    const added = await runCliProcess(
      ['corpus', 'add', upload, '--name', 'packing.md', '--outlet', 'Example Wire', '--json'],
      env,
    ).finally(() => rm(upload, { force: true }));
    expect(added.code).toBe(0);
    expect(corpusEditSchema.parse(JSON.parse(added.stdout))).toMatchObject({
      action: 'add',
      file: 'packing.md',
      sources: 6,
      changes: { added: ['packing.md', 'packing.meta.json'] },
    });
    // The audit line is written even at LOG_LEVEL=warn.
    const audit = added.stderr
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.event === 'corpus_audit');
    expect(audit).toMatchObject({ who: 'cli', action: 'add', result: 'ok', target: 'packing.md' });

    const reload = await runCliProcess(['corpus', 'reload', '--json'], env);
    expect(reload.code).toBe(0);
    expect(corpusReloadSchema.parse(JSON.parse(reload.stdout)).changes).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it.each([
    [['corpus'], 'missing_subcommand'],
    [['corpus', 'purge'], 'unknown_subcommand'],
    [['corpus', 'status', '--verbose'], 'unknown_option'],
    [['corpus', 'remove'], 'missing_option'],
    [['corpus', 'add', 'no/such/file.txt'], 'unreadable_file'],
    [['corpus', 'remove', '../outside.txt'], 'bad_name'],
    [['corpus', 'meta', SEEDS.voa, 'colour', 'red'], 'bad_option'],
  ])('refuses %j with exit 2 and error code %s', async (argv, code) => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const { exitCode, stdout } = await runCli([...argv, '--json'], {
      openLibrary: async () => library,
      log: memoryLogger().log,
    });
    expect(exitCode).toBe(2);
    expect(errorSchema.parse(JSON.parse(stdout)).error.code).toBe(code);
  });

  it('prints status as text without --json, with the files that could not load', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    const library = await Library.open(dir, LOAD_OPTIONS);
    const { stdout } = await runCli(['corpus', 'status'], {
      openLibrary: async () => library,
      log: memoryLogger().log,
    });
    expect(stdout).toMatch(
      /^Corpus: 5 articles, 41 passages\n\nAnswering from\n {2}5 articles, 41 passages, loaded \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\n\nNot loaded \(1\)\n {2}empty\.txt is empty\n$/,
    );
  });

  it('lists /corpus and its subcommands in help for moderators', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const { stdout } = await runCli(['help', '--json'], { openLibrary: async () => library, log: memoryLogger().log });
    expect(helpSchema.parse(JSON.parse(stdout)).commands.map((command) => command.name)).toContain('corpus');
    const text = await runCli(['help'], { openLibrary: async () => library, log: memoryLogger().log });
    expect(text.stdout).toContain(
      '/corpus\n  Moderators: see, reload and change the articles Dossier answers from. Subcommands: status, reload, add, replace, remove, meta. Example: /corpus status',
    );
  });
});

describe('the console', () => {
  it('runs /corpus with the subcommand as its first word', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const options = { library, log: memoryLogger().log, color: false };
    expect(await answerLine('/corpus status', options)).toMatch(/^Corpus: 5 articles, 41 passages\n/);
    await writeFile(join(dir, 'packing.md'), ARTICLE);
    expect(await answerLine('/corpus reload', options)).toMatch(
      /^Reloaded\n\nNow answering from\n {2}6 articles, 42 passages, loaded .* \(rebuilt in \d+ ms\)\n\nFiles since the last build\n {2}Added: packing\.md$/,
    );
    expect(await answerLine(`/corpus meta packing.md outlet "Example Wire"`, options)).toMatch(
      /^Metadata corrected\nSet the outlet of packing\.md to “Example Wire” \(in packing\.meta\.json\)\./,
    );
    expect(await answerLine('/corpus', options)).toBe(
      '/corpus needs a subcommand: status, reload, add, replace, remove, meta. Example: /corpus status',
    );
  });
});

describe('subcommands in the command kit', () => {
  const definition = corpus.definition;

  it('reads the subcommand from the first word and fills positional options in order, the last taking the rest', () => {
    expect(parseCommandWords(definition, ['status'])).toEqual({ subcommand: 'status' });
    expect(parseCommandWords(definition, ['meta', '74ef57', 'outlet', 'The', 'Hill'])).toEqual({
      subcommand: 'meta',
      source: '74ef57',
      field: 'outlet',
      value: 'The Hill',
    });
    expect(parseCommandWords(definition, ['meta', 'source:74ef57', 'field:title', 'value:New'])).toEqual({
      subcommand: 'meta',
      source: '74ef57',
      field: 'title',
      value: 'New',
    });
    expect(parseCommandWords(definition, ['add', 'story.html', '--title', 'A title', '--date=2020-09'])).toEqual({
      subcommand: 'add',
      file: 'story.html',
      title: 'A title',
      date: '2020-09',
    });
    expect(parseCommandWords(definition, ['replace', 'abc123', 'new.txt'])).toEqual({
      subcommand: 'replace',
      source: 'abc123',
      file: 'new.txt',
    });
    expect(() => parseCommandWords(definition, ['status', 'now'])).toThrow(
      '/corpus status takes no text ("now"). Example: /corpus status',
    );
    expect(() => parseCommandWords(definition, ['add', 'x.txt', '--colour', 'red'])).toThrow(
      /^\/corpus add has no option --colour\. Its options: file, name, title, outlet, date, url, author\.$/,
    );
  });

  it('keeps one positional option taking every word, as before', () => {
    expect(parseCommandWords(ask.definition, ['How', 'long', 'would', 'it', 'take?', '--limit', '2'])).toEqual({
      question: 'How long would it take?',
      limit: '2',
    });
  });
});

describe('the terminal progress bar', () => {
  it('redraws in place, at most every 80 ms except the last state, and clears the line at the end', () => {
    let written = '';
    let clock = 0;
    const bar = progressBar({ write: (text: string) => void (written += text) }, 'Reloading', () => clock);
    bar.report({ done: 0, total: 4 });
    clock = 10;
    bar.report({ done: 1, total: 4 }); // too soon: skipped
    clock = 100;
    bar.report({ done: 2, total: 4 });
    clock = 101;
    bar.report({ done: 4, total: 4 }); // the last state is always drawn
    bar.end();
    expect(written).toBe(
      '\rReloading [------------------------] 0/4 files' +
        '\rReloading [############------------] 2/4 files' +
        '\rReloading [########################] 4/4 files' +
        '\r\x1b[2K',
    );
  });
});
