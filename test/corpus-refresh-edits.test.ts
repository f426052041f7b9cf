/**
 * `/corpus add | replace | remove | meta` through the one dispatch function, as a moderator on a
 * terminal would run them: bad input is refused with a specific message and changes nothing (on
 * disk or in the index); good input is written atomically, rebuilt, and audited.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localFiles } from '../src/adapters/cli/localFiles.ts';
import { runCommand } from '../src/app/commands.ts';
import type { RawValue } from '../src/commandKit/args.ts';
import type { CorpusResult } from '../src/commandKit/results.ts';
import { InputError } from '../src/errors.ts';
import { Library } from '../src/library.ts';
import { SEEDS } from './support/corpus.ts';
import { captureLog, type CapturedLog } from './support/logCapture.ts';
import { folderState, tempCorpus } from './support/tempCorpus.ts';

/** Small enough that a test can make a file over it. */
const MAX_BYTES = 40_000;

let dir: string;
let uploads: string;
let cleanups: Array<() => Promise<void>> = [];
let library: Library;
let logs: CapturedLog;

beforeEach(async () => {
  const corpus = await tempCorpus();
  dir = corpus.dir;
  // Files to upload live in a folder of their own, as on a moderator's disk.
  const scratch = await tempCorpus();
  uploads = scratch.dir;
  cleanups = [corpus.cleanup, scratch.cleanup];
  library = await Library.open(dir, { maxArticleBytes: MAX_BYTES });
  logs = captureLog();
});
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function corpus(raw: Record<string, RawValue>, who: { userId?: string } = {}): Promise<CorpusResult> {
  return runCommand('corpus', raw, {
    library,
    invoker: { via: 'cli', isModerator: true, ...who },
    log: logs.log,
    uploads: localFiles,
  }) as Promise<CorpusResult>;
}

async function upload(name: string, content: string | Buffer): Promise<string> {
  await writeFile(join(uploads, name), content);
  return join(uploads, name);
}

async function answersTheEmbassyQuestion(): Promise<boolean> {
  const result = await runCommand(
    'ask',
    { question: 'How long would closing the embassy take?' },
    { library, invoker: { via: 'cli', isModerator: true } },
  );
  return result.kind === 'ask' && /90 days/.test(result.search.hits[0]?.passage.text ?? '');
}

const SEED_TEXT = async (file: string) => readFile(join('corpus', file));
const FRESH_ARTICLE =
  '---\ntitle: Iraq and US resume embassy talks\noutlet: Example Wire\n---\n\nIraqi and American officials met in Baghdad on Thursday to discuss the future of the embassy.\n\nThe talks will continue next week, a spokesman for the foreign ministry said.\n';

/** Refusals: each is an InputError with this code and message, and nothing changes. */
const REFUSALS: Array<{
  what: string;
  setup: () => Promise<Record<string, RawValue>>;
  code: string;
  message: string | RegExp;
}> = [
  {
    what: 'a binary file',
    setup: async () => ({
      subcommand: 'add',
      file: await upload('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])),
    }),
    code: 'bad_file',
    message: '"photo.txt" is binary, not text.',
  },
  {
    what: 'a file that is not UTF-8',
    setup: async () => ({
      subcommand: 'add',
      file: await upload(
        'latin1.txt',
        Buffer.from('Caf\xe9 in Baghdad was closed by the militias on Sunday night.', 'latin1'),
      ),
    }),
    code: 'bad_file',
    message: '"latin1.txt" is not UTF-8 text (save it as UTF-8).',
  },
  {
    what: 'an empty file',
    setup: async () => ({ subcommand: 'add', file: await upload('empty.txt', '') }),
    code: 'bad_file',
    message: '"empty.txt" is empty.',
  },
  {
    what: 'a blank file',
    setup: async () => ({ subcommand: 'add', file: await upload('blank.md', ' \n\n \n') }),
    code: 'bad_file',
    message: '"blank.md" is empty.',
  },
  {
    what: 'a file over MAX_ARTICLE_BYTES',
    setup: async () => ({ subcommand: 'add', file: await upload('huge.txt', 'word '.repeat(10_000)) }),
    code: 'too_large',
    message: '"huge.txt" is 49 KB, over the 40 KB limit (MAX_ARTICLE_BYTES).',
  },
  {
    what: 'an unsupported type',
    setup: async () => ({ subcommand: 'add', file: await upload('report.pdf', 'not an article') }),
    code: 'unsupported_type',
    message: '"report.pdf" has an unsupported type; articles are .txt, .md, .markdown, .html, .htm.',
  },
  {
    what: 'a sidecar uploaded as an article',
    setup: async () => ({ subcommand: 'add', file: await upload('story.meta.json', '{"outlet":"X"}') }),
    code: 'unsupported_type',
    message: /^"story\.meta\.json" has an unsupported type/,
  },
  {
    what: 'a page of furniture only',
    setup: async () => ({
      subcommand: 'add',
      file: await upload('furniture.txt', 'READ | Some other story\n\nRelated Stories'),
    }),
    code: 'bad_file',
    message: '"furniture.txt" has no article text left after removing page furniture.',
  },
  {
    what: 'front matter that is not YAML',
    setup: async () => ({
      subcommand: 'add',
      file: await upload(
        'bad.md',
        '---\ntitle: [unclosed\n---\n\nThe embassy in Baghdad will close within ninety days, officials said.\n',
      ),
    }),
    code: 'bad_file',
    message: /^"bad\.md" front matter is not valid YAML/,
  },
  {
    what: 'an HTML file with no page in it',
    setup: async () => ({
      subcommand: 'add',
      file: await upload('plain.html', 'Just some words about the embassy, with no markup at all.'),
    }),
    code: 'bad_file',
    message: '"plain.html" is not an HTML page (no tags in it); save it as .txt if it is plain text.',
  },
  {
    what: 'a name with ../',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), name: '../escape.md' }),
    code: 'bad_name',
    message:
      '"../escape.md" is not a plain file name: a name may not contain folders ("/", "\\"), "..", or a drive, so nothing is written outside the corpus folder.',
  },
  {
    what: 'an absolute name',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), name: '/tmp/escape.md' }),
    code: 'bad_name',
    message: /^"\/tmp\/escape\.md" is not a plain file name/,
  },
  {
    what: 'a name with a folder',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), name: 'sub/escape.md' }),
    code: 'bad_name',
    message: /^"sub\/escape\.md" is not a plain file name/,
  },
  {
    what: 'a name with a backslash',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), name: '..\\escape.md' }),
    code: 'bad_name',
    message: /is not a plain file name/,
  },
  {
    what: 'a hidden name',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), name: '.hidden.md' }),
    code: 'bad_name',
    message: '".hidden.md" starts with ".", which makes it a hidden file; choose a name that does not.',
  },
  {
    what: 'a name with control characters',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), name: 'bell\u0007.md' }),
    code: 'bad_name',
    message: /has characters a file name should not have/,
  },
  {
    what: 'a file name already in the folder',
    setup: async () => ({ subcommand: 'add', file: await upload(SEEDS.voa, await SEED_TEXT(SEEDS.hill)) }),
    code: 'duplicate',
    message: `"${SEEDS.voa}" is already in the corpus folder. To change it, use /corpus replace; to keep both, give the new one another name.`,
  },
  {
    what: 'a second copy of an article (same source id)',
    setup: async () => ({ subcommand: 'add', file: await upload('voa-copy.txt', await SEED_TEXT(SEEDS.voa)) }),
    code: 'duplicate',
    message:
      /^"voa-copy\.txt" is the same article as “US Threatens to Close Embassy in Baghdad” \(004_232c69b19052f130\.txt, id [0-9a-f]{6}; same title\)\. To change that article, use \/corpus replace\.$/,
  },
  {
    what: 'the same text under another title',
    setup: async () => ({
      subcommand: 'add',
      file: await upload(
        'retitled.md',
        `---\ntitle: A different headline for the same story\n---\n\n${(await SEED_TEXT(SEEDS.voa)).toString('utf8')}`,
      ),
    }),
    code: 'duplicate',
    message:
      /^"retitled\.md" has the same text as “US Threatens to Close Embassy in Baghdad” \(004_232c69b19052f130\.txt, id [0-9a-f]{6}\), which is already in the corpus\.$/,
  },
  {
    what: 'metadata that is not valid',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), date: '28/09/2020' }),
    code: 'bad_option',
    message: '/corpus add date "28/09/2020" is not valid: must be YYYY, YYYY-MM or YYYY-MM-DD.',
  },
  {
    what: 'a url that is not one',
    setup: async () => ({ subcommand: 'add', file: await upload('ok.md', FRESH_ARTICLE), url: 'not a url' }),
    code: 'bad_option',
    message: /^\/corpus add url "not a url" is not valid/,
  },
  {
    what: 'a local file that is not there',
    setup: async () => ({ subcommand: 'add', file: join(uploads, 'missing.md') }),
    code: 'unreadable_file',
    message: /^Cannot read ".*missing\.md" \(ENOENT\)\.$/,
  },
  {
    what: 'removing a source that does not exist',
    setup: async () => ({ subcommand: 'remove', source: 'ffffff' }),
    code: 'unknown_source',
    message: /^No source "ffffff"\. Sources: /,
  },
  {
    what: 'removing a path outside the folder',
    setup: async () => ({ subcommand: 'remove', source: '../../etc/passwd' }),
    code: 'bad_name',
    message: /^"\.\.\/\.\.\/etc\/passwd" is not a plain file name/,
  },
  {
    what: 'removing an absolute path',
    setup: async () => ({ subcommand: 'remove', source: join(dir, SEEDS.voa) }),
    code: 'bad_name',
    message: /is not a plain file name/,
  },
  {
    what: 'metadata for a source that does not exist',
    setup: async () => ({ subcommand: 'meta', source: 'nope', field: 'outlet', value: 'X' }),
    code: 'unknown_source',
    message: /^No source "nope"/,
  },
  {
    what: 'a bad date correction',
    setup: async () => ({ subcommand: 'meta', source: SEEDS.voa, field: 'date', value: 'last Monday' }),
    code: 'bad_option',
    message: '/corpus meta date "last Monday" is not valid: must be YYYY, YYYY-MM or YYYY-MM-DD.',
  },
  {
    what: 'an unknown title',
    setup: async () => ({ subcommand: 'meta', source: SEEDS.voa, field: 'title', value: 'unknown' }),
    code: 'bad_option',
    message: '/corpus meta title cannot be unknown (use "reset" to take it from the text).',
  },
  {
    what: 'a field that is not metadata',
    setup: async () => ({ subcommand: 'meta', source: SEEDS.voa, field: 'colour', value: 'red' }),
    code: 'bad_option',
    message: '/corpus meta field must be one of title, outlet, date, url, author, not "colour".',
  },
  {
    what: 'a correction that changes nothing',
    setup: async () => ({ subcommand: 'meta', source: '003_84fe4f099db4658b.txt', field: 'outlet', value: 'The Hill' }),
    code: 'unchanged',
    message: /^The outlet of “.*” \(003_84fe4f099db4658b\.txt, id [0-9a-f]{6}\) is already “The Hill”\.$/,
  },
  {
    what: 'replacing with the same text',
    setup: async () => ({
      subcommand: 'replace',
      source: SEEDS.voa,
      file: await upload('same.txt', await SEED_TEXT(SEEDS.voa)),
    }),
    code: 'unchanged',
    message: /^The upload has the same text as “US Threatens/,
  },
  {
    what: 'replacing with another article’s text',
    setup: async () => ({
      subcommand: 'replace',
      source: SEEDS.voa,
      file: await upload('hill.txt', await SEED_TEXT(SEEDS.hill)),
    }),
    code: 'duplicate',
    message: /^"004_232c69b19052f130\.txt" is the same article as “US says it will leave Baghdad embassy/,
  },
  {
    what: 'a missing subcommand',
    setup: async () => ({}),
    code: 'missing_subcommand',
    message: '/corpus needs a subcommand: status, reload, add, replace, remove, meta. Example: /corpus status',
  },
  {
    what: 'an unknown subcommand',
    setup: async () => ({ subcommand: 'purge' }),
    code: 'unknown_subcommand',
    message: '/corpus has no subcommand "purge". Its subcommands: status, reload, add, replace, remove, meta.',
  },
  {
    what: 'add without a file',
    setup: async () => ({ subcommand: 'add' }),
    code: 'missing_option',
    message: '/corpus add needs a file. Example: /corpus add file:story.html outlet:Reuters date:2020-09-28',
  },
  {
    what: 'an option of another subcommand',
    setup: async () => ({ subcommand: 'status', source: 'x' }),
    code: 'unknown_option',
    message: '/corpus status has no option "source". Its options: none.',
  },
];

describe('bad input is refused and changes nothing', () => {
  it.each(REFUSALS)('refuses $what', async ({ setup, code, message }) => {
    const raw = await setup();
    const before = await folderState(dir);
    const snapshot = library.current;

    const failure = await corpus(raw).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).code).toBe(code);
    if (typeof message === 'string') expect((failure as Error).message).toBe(message);
    else expect((failure as Error).message).toMatch(message);
    expect(await folderState(dir)).toEqual(before);
    expect(library.current).toBe(snapshot);
    expect(await answersTheEmbassyQuestion()).toBe(true);
  });

  it('audits a refusal: who, what, when and why', async () => {
    const file = await upload('photo.txt', Buffer.from([0, 1, 2, 3]));
    await corpus({ subcommand: 'add', file }, { userId: '42' }).catch(() => undefined);
    const [line] = logs.events('corpus_audit');
    expect(line).toMatchObject({
      level: 40,
      who: '42',
      via: 'cli',
      action: 'add',
      target: file,
      result: 'refused',
      code: 'bad_file',
      reason: '"photo.txt" is binary, not text.',
    });
    expect(new Date(line!.at as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('changes a moderator makes', () => {
  it('adds an article with metadata in its sidecar, writes it atomically, and answers from it at once', async () => {
    const result = await corpus({
      subcommand: 'add',
      file: await upload('talks.md', FRESH_ARTICLE),
      outlet: 'Corrected Wire',
      date: '2020-10-01',
    });

    expect(result).toMatchObject({
      kind: 'corpus',
      action: 'add',
      sources: 6,
      changes: { added: ['talks.md', 'talks.meta.json'], removed: [], changed: [] },
    });
    expect(result.edit?.summary).toMatch(
      /^Added talks\.md: “Iraq and US resume embassy talks”, 2 passages, id [0-9a-f]{6}\.$/,
    );
    expect(JSON.parse(await readFile(join(dir, 'talks.meta.json'), 'utf8'))).toEqual({
      outlet: 'Corrected Wire',
      date: '2020-10-01',
    });
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]); // no temporary file left
    const source = library.current.corpus.sources.find((candidate) => candidate.file === 'talks.md')!;
    expect(source).toMatchObject({ outlet: 'Corrected Wire', date: { value: '2020-10-01', precision: 'day' } });
    const answer = await runCommand(
      'ask',
      { question: 'When will the embassy talks continue?' },
      { library, invoker: { via: 'cli', isModerator: true } },
    );
    expect(answer.kind === 'ask' && answer.search.hits.map((hit) => hit.passage.source.file)).toContain('talks.md');
    expect(logs.events('corpus_audit')).toEqual([
      expect.objectContaining({
        level: 30,
        who: 'cli',
        action: 'add',
        target: join(uploads, 'talks.md'),
        result: 'ok',
        changes: result.changes,
        sources: 6,
      }),
    ]);
  });

  it('saves an upload under the name the moderator gives', async () => {
    const result = await corpus({
      subcommand: 'add',
      file: await upload('download (3).md', FRESH_ARTICLE),
      name: 'embassy-talks.md',
    });
    expect(result.changes?.added).toEqual(['embassy-talks.md']);
  });

  it('replaces an article, keeping its source id, its sidecar and the ids of paragraphs that did not change', async () => {
    const hill = library.current.corpus.sources.find((source) => source.file === SEEDS.hill)!;
    const before = library.current.corpus.passages
      .filter((passage) => passage.source.id === hill.id)
      .map((passage) => passage.id);
    const text = (await SEED_TEXT(SEEDS.hill)).toString('utf8').replace('he said.', 'he said on Sunday.');
    const result = await corpus({ subcommand: 'replace', source: hill.id, file: await upload('hill-fixed.md', text) });

    expect(result.changes).toEqual({ added: ['003_84fe4f099db4658b.md'], removed: [SEEDS.hill], changed: [] });
    const after = library.current.corpus.passages
      .filter((passage) => passage.source.id === hill.id)
      .map((passage) => passage.id);
    expect(after).toHaveLength(before.length);
    expect(after.filter((id, index) => id !== before[index])).toHaveLength(1);
    expect(library.current.sourceById.get(hill.id)).toMatchObject({
      file: '003_84fe4f099db4658b.md',
      outlet: 'The Hill',
    });
    expect(JSON.parse(await readFile(join(dir, '003_84fe4f099db4658b.meta.json'), 'utf8'))).toEqual({
      outlet: 'The Hill',
      date: null,
    });
  });

  it('pins the source id when a replacement has another title, so citations keep working', async () => {
    const voa = library.current.corpus.sources.find((source) => source.file === SEEDS.voa)!;
    const text = (await SEED_TEXT(SEEDS.voa))
      .toString('utf8')
      .replace('US Threatens to Close Embassy in Baghdad', 'US Threatens to Shut Its Embassy in Baghdad');
    await corpus({ subcommand: 'replace', source: SEEDS.voa, file: await upload('voa.txt', text) });
    expect(library.current.sourceById.get(voa.id)?.title).toBe('US Threatens to Shut Its Embassy in Baghdad');
    expect(JSON.parse(await readFile(join(dir, '004_232c69b19052f130.meta.json'), 'utf8'))).toEqual({ id: voa.id });
  });

  it('removes an article and its sidecar', async () => {
    const result = await corpus({ subcommand: 'remove', source: '003_84fe4f099db4658b.txt' });
    expect(result.changes).toEqual({ added: [], removed: ['003_84fe4f099db4658b.meta.json', SEEDS.hill], changed: [] });
    expect(result.sources).toBe(4);
    expect(await readdir(dir)).not.toContain('003_84fe4f099db4658b.meta.json');
  });

  it('removes a file the corpus could not load', async () => {
    await writeFile(join(dir, 'broken.txt'), Buffer.from([0, 1, 2]));
    await library.reload();
    expect(library.current.corpus.errors).toEqual([{ file: 'broken.txt', message: 'is binary, not text' }]);
    const result = await corpus({ subcommand: 'remove', source: 'broken.txt' });
    expect(result.edit?.summary).toBe('Removed broken.txt, which could not be loaded.');
    expect(result.errors).toEqual([]);
  });

  it('removes the last article too (a deliberate edit may empty the corpus)', async () => {
    for (const file of [SEEDS.republic, SEEDS.untitled, SEEDS.nbcReuters, SEEDS.hill])
      await corpus({ subcommand: 'remove', source: file });
    const result = await corpus({ subcommand: 'remove', source: SEEDS.voa });
    expect(result.sources).toBe(0);
  });

  it('corrects metadata in the sidecar, and a new title keeps every passage id', async () => {
    const voa = library.current.corpus.sources.find((source) => source.file === SEEDS.voa)!;
    const ids = library.current.corpus.passages.map((passage) => passage.id);

    const outlet = await corpus({ subcommand: 'meta', source: voa.id, field: 'outlet', value: 'Voice of America' });
    expect(outlet.edit?.summary).toBe(
      'Set the outlet of 004_232c69b19052f130.txt to “Voice of America” (in 004_232c69b19052f130.meta.json).',
    );
    expect(outlet.changes).toEqual({ added: ['004_232c69b19052f130.meta.json'], removed: [], changed: [] });

    await corpus({
      subcommand: 'meta',
      source: voa.id,
      field: 'title',
      value: 'US threatens to close its Baghdad embassy',
    });
    expect(library.current.sourceById.get(voa.id)).toMatchObject({
      title: 'US threatens to close its Baghdad embassy',
      outlet: 'Voice of America',
    });
    expect(library.current.corpus.passages.map((passage) => passage.id)).toEqual(ids);
    expect(JSON.parse(await readFile(join(dir, '004_232c69b19052f130.meta.json'), 'utf8'))).toEqual({
      outlet: 'Voice of America',
      title: 'US threatens to close its Baghdad embassy',
      id: voa.id,
    });

    await corpus({ subcommand: 'meta', source: voa.id, field: 'author', value: 'unknown' });
    expect(library.current.sourceById.get(voa.id)?.author).toBeNull();
    // "reset": the outlet is read from the text again.
    await corpus({ subcommand: 'meta', source: voa.id, field: 'outlet', value: 'reset' });
    expect(library.current.sourceById.get(voa.id)?.outlet).toBe('VOA News');
    expect(logs.events('corpus_audit').map((line) => [line.action, line.target, line.result])).toEqual([
      ['meta', voa.id, 'ok'],
      ['meta', voa.id, 'ok'],
      ['meta', voa.id, 'ok'],
      ['meta', voa.id, 'ok'],
    ]);
  });

  it('refuses to overwrite a malformed sidecar, so no correction in it is lost', async () => {
    await writeFile(join(dir, '004_232c69b19052f130.meta.json'), '{"date": "28 Sept"}');
    await library.reload();
    const before = await folderState(dir);
    await expect(corpus({ subcommand: 'meta', source: SEEDS.voa, field: 'outlet', value: 'VOA' })).rejects.toThrow(
      '004_232c69b19052f130.meta.json field "date" must be YYYY, YYYY-MM or YYYY-MM-DD; fix or remove it first, so no correction in it is lost.',
    );
    expect(await folderState(dir)).toEqual(before);
  });

  it('lets only moderators change the corpus', async () => {
    await expect(
      runCommand(
        'corpus',
        { subcommand: 'reload' },
        { library, invoker: { via: 'discord', isModerator: false, userId: '7' } },
      ),
    ).rejects.toThrow('/corpus is for moderators only.');
  });

  it('audits a reload that fails, with the reason', async () => {
    const { rename } = await import('node:fs/promises');
    await rename(dir, `${dir}-gone`);
    try {
      await expect(corpus({ subcommand: 'reload' })).rejects.toThrow(/^The reload failed: the corpus folder is gone/);
    } finally {
      await rename(`${dir}-gone`, dir);
    }
    expect(logs.events('corpus_audit')).toEqual([
      expect.objectContaining({ who: 'cli', action: 'reload', target: null, result: 'failed', code: 'reload_failed' }),
    ]);
  });
});
