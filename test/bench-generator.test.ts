import { describe, expect, it } from 'vitest';
import { PASSAGE_ID_PATTERN } from '../src/corpus/ids.ts';
import { STOP_WORDS } from '../src/search/stopwords.ts';
import { generateCorpus, generatedFingerprint, loadWordList } from '../bench/generate.ts';
import { DEFAULT_OPTIONS, parseBenchArgs, runBench } from '../bench/main.ts';
import { UsageError } from '../bench/process.ts';
import { generateQuestions } from '../bench/questions.ts';
import { checkTargets, formatReport, type BenchRun } from '../bench/report.ts';

describe('the benchmark corpus', () => {
  const generated = generateCorpus({ passages: 2000, seed: 7 });
  const { corpus } = generated;

  it('has exactly the passages asked for, in articles with sources, dates and ids', () => {
    expect(corpus.passages).toHaveLength(2000);
    expect(corpus.sources.length).toBeGreaterThan(100);
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(2000);
    expect(corpus.passages.every((p) => PASSAGE_ID_PATTERN.test(p.id))).toBe(true);
    expect(corpus.sources.filter((s) => s.date !== null).length / corpus.sources.length).toBeGreaterThan(0.8);
    // Paragraphs of one article are consecutive and numbered from 1.
    for (let i = 1; i < corpus.passages.length; i++) {
      const [before, passage] = [corpus.passages[i - 1]!, corpus.passages[i]!];
      expect(passage.paragraph).toBe(before.source === passage.source ? before.paragraph + 1 : 1);
    }
  });

  it('reads like news-sized paragraphs: about fifty words, named entities, some republished', () => {
    const words = corpus.passages.map((p) => p.text.split(' ').length);
    const mean = words.reduce((a, b) => a + b, 0) / words.length;
    expect(mean).toBeGreaterThan(35);
    expect(mean).toBeLessThan(80);
    expect(generated.mentions.size).toBeGreaterThan(1000);
    expect(corpus.duplicateGroup.size).toBeGreaterThan(0);
    for (const [id, others] of corpus.alsoIn) {
      const passage = corpus.passages.find((p) => p.id === id)!;
      expect(others.some((source) => source === passage.source)).toBe(false);
    }
  });

  it('follows the word list: stop words common, reserved words absent', () => {
    const list = loadWordList();
    const text = corpus.passages.map((p) => p.text.toLowerCase()).join(' ');
    const tokens = text.match(/[a-z]+/g)!;
    expect(tokens.filter((t) => STOP_WORDS.has(t)).length / tokens.length).toBeGreaterThan(0.3);
    const seen = new Set(tokens);
    expect([...list.reserved].filter((rank) => seen.has(list.words[rank]!)).length).toBeLessThan(
      list.reserved.size * 0.05,
    );
  });

  it('is the same for the same seed and size, and differs otherwise', () => {
    const again = generateCorpus({ passages: 2000, seed: 7 }).corpus;
    expect(again.passages.map((p) => p.text)).toEqual(corpus.passages.map((p) => p.text));
    expect(generateCorpus({ passages: 2000, seed: 8 }).corpus.passages[0]!.text).not.toBe(corpus.passages[0]!.text);
    expect(generatedFingerprint({ passages: 2000, seed: 7 })).not.toBe(
      generatedFingerprint({ passages: 2001, seed: 7 }),
    );
  });
});

describe('the benchmark questions', () => {
  const generated = generateCorpus({ passages: 2000, seed: 7 });
  const questions = generateQuestions(generated, 300, 7);

  it('mix answerable, misspelt and off-topic ones, some with a date range', () => {
    const kinds = new Map<string, number>();
    for (const q of questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    expect(kinds.get('answerable')).toBeGreaterThan(150);
    expect(kinds.get('typo')).toBeGreaterThan(20);
    expect(kinds.get('off-topic')).toBeGreaterThan(15);
    expect(questions.filter((q) => q.from && q.to && q.from <= q.to).length).toBeGreaterThan(5);
    const ids = new Set(generated.corpus.passages.map((p) => p.id));
    expect(questions.every((q) => (q.kind === 'off-topic' ? q.passageId === null : ids.has(q.passageId!)))).toBe(true);
  });

  it('are the same for the same seed', () => {
    expect(generateQuestions(generated, 300, 7)).toEqual(questions);
  });
});

describe('bench options', () => {
  it('default to a quick run of both engines', () => {
    expect(parseBenchArgs([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS.sizes).toEqual([10_000, 100_000]);
  });

  it('read --sizes, --json and the rest', () => {
    expect(
      parseBenchArgs([
        '--sizes',
        '10000,100_000,1000000',
        '--json',
        '--engines',
        'dossier',
        '--questions',
        '50',
        '--backends',
        'minisearch',
      ]),
    ).toMatchObject({
      sizes: [10_000, 100_000, 1_000_000],
      json: true,
      engines: ['dossier'],
      questions: 50,
      backends: ['minisearch'],
    });
  });

  it.each([
    [['--sizes', '10k'], 'bench: --sizes needs a positive whole number, got "10k"'],
    [['--engines', 'elastic'], 'bench: --engines takes dossier and/or baseline, got "elastic"'],
    [['--backends', 'compact,elastic'], 'bench: --backends takes minisearch and/or compact, got "compact,elastic"'],
    [['--fast'], 'bench: unknown option "--fast" (see bench/main.ts)'],
  ])('refuse %j with a message', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('the report', () => {
  const run = (engine: BenchRun['engine'], passages: number, fields: Partial<BenchRun>): BenchRun => ({
    engine,
    backend: engine === 'dossier' ? 'compact' : null,
    passages,
    buildMs: 1000,
    snapshotLoadMs: engine === 'dossier' ? 100 : null,
    snapshotBytes: engine === 'dossier' ? 1e6 : null,
    heapMB: 100,
    rssMB: 200,
    queryP50Ms: 1,
    queryP99Ms: 10,
    details: {},
    ...fields,
  });

  it('checks the issue targets from ratios within one run', () => {
    const checks = checkTargets([
      run('dossier', 100_000, { queryP99Ms: 20, buildMs: 9000, snapshotLoadMs: 300, heapMB: 150 }),
      run('baseline', 100_000, { queryP99Ms: 1800 }),
      run('dossier', 1_000_000, { queryP99Ms: 60, rssMB: 1000, details: { peakRssMB: 1400 } }),
    ]);
    expect(checks.map((check) => [check.target, check.pass])).toEqual([
      ['100k: query p99 at least 3x lower than the baseline', true],
      ['100k: loading the snapshot at least 4x faster than rebuilding', true],
      ['100k: heap under 3 KB per passage', true],
      ['1M: starts from its snapshot and answers with p99 under 50 ms', false],
      ['1M: within 4 GB', true],
    ]);
  });

  it("prints a table with the engines and Dossier's indexes side by side", () => {
    const table = formatReport([
      run('dossier', 10_000, {}),
      run('dossier', 10_000, { backend: 'minisearch' }),
      run('baseline', 10_000, { queryP99Ms: 120 }),
    ]);
    expect(table.split('\n')[0]).toMatch(/^engine\s+passages\s+build ms/);
    expect(table).toMatch(/dossier \(compact\)\s+10,000/);
    expect(table).toMatch(/dossier \(minisearch\)\s+10,000/);
    expect(table).toMatch(/baseline\s+10,000/);
  });
});

describe('a tiny end-to-end run', () => {
  it('measures Dossier on both indexes and the baseline in their own processes and reports the JSON fields', {
    timeout: 180_000,
  }, async () => {
    const runs = await runBench({ ...DEFAULT_OPTIONS, sizes: [400], questions: 20, baselineBudgetSeconds: 5 });
    expect(runs.map((r) => [r.engine, r.backend, r.passages])).toEqual([
      ['dossier', 'compact', 400],
      ['dossier', 'minisearch', 400],
      ['baseline', null, 400],
    ]);
    const [dossier, dossierOnMiniSearch, baseline] = runs;
    for (const r of runs) {
      for (const key of ['buildMs', 'heapMB', 'rssMB', 'queryP50Ms', 'queryP99Ms'] as const)
        expect(r[key], `${r.engine} ${key}`).toBeGreaterThan(0);
      expect(r.queryP99Ms).toBeGreaterThanOrEqual(r.queryP50Ms);
    }
    expect(dossier!.snapshotLoadMs).toBeGreaterThan(0);
    expect(dossier!.snapshotBytes).toBeGreaterThan(10_000);
    expect(dossier!.details.queries).toBe(20);
    // Started from the snapshot and MiniSearch's own file, and answering the same.
    expect(dossierOnMiniSearch!.snapshotLoadMs).toBeGreaterThan(0);
    expect(dossierOnMiniSearch!.details.miniSearchBytes).toBeGreaterThan(10_000);
    expect(dossierOnMiniSearch!.details.sourceInTop5).toBe(dossier!.details.sourceInTop5);
    expect(baseline!.snapshotLoadMs).toBeNull();
    expect(JSON.parse(JSON.stringify({ runs })).runs[0]).toMatchObject({ engine: 'dossier', passages: 400 });
  });
});
