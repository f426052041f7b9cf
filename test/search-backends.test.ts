import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../src/corpus/types.ts';
import { analyze, analyzeForIndex, capitalisedPhrases, termOfWord } from '../src/search/analyzer.ts';
import { CompactIndex } from '../src/search/compact.ts';
import { buildTrie } from '../src/search/trie.ts';
import { SearchIndex, type SearchRequest } from '../src/search/engine.ts';
import { withTuning } from '../src/search/environment.ts';
import { editDistance } from '../src/search/fuzzy.ts';
import { MiniSearchBackend } from '../src/search/minisearchBackend.ts';
import type { QueryAlternative, Retrieval } from '../src/search/backend.ts';
import { generateCorpus } from '../bench/generate.ts';
import { generateQuestions } from '../bench/questions.ts';
import { seedCorpus } from './support/corpus.ts';
import { plain } from './support/comparable.ts';
import { bareSource } from './support/bareSource.ts';

const evalQuestions = (): string[] =>
  (
    JSON.parse(readFileSync('eval/stories/seed/questions.json', 'utf8')) as { questions: Array<{ question: string }> }
  ).questions.map((q) => q.question);

/** Requests that exercise paging, filters and typos, for each question. */
function requests(questions: readonly string[]): SearchRequest[] {
  return questions.flatMap((question) => [
    { question, limit: 5 },
    { question, limit: 3, offset: 3 },
    { question, limit: 10, from: '2020-09-29', to: '2020-09-30' },
  ]);
}

let seed: Corpus;

beforeAll(async () => {
  seed = await seedCorpus();
});

describe('the compact index ranks exactly as MiniSearch behind the same ranking', () => {
  it('on the seed corpus, for every eval question, page and filter', async () => {
    const compact = SearchIndex.build(seed);
    const mini = new SearchIndex(seed, MiniSearchBackend.build(seed.passages));
    for (const request of requests(evalQuestions()))
      expect(plain(await compact.search(request)), request.question).toEqual(plain(await mini.search(request)));
  });

  it.each(['emb', 'evac', 'milit', 'withd', 'xyzzy'])('lists the same written forms beginning with %j', (prefix) => {
    const compact = CompactIndex.build(seed.passages, seed.sources);
    const mini = MiniSearchBackend.build(seed.passages);
    const sorted = (found: Array<{ term: string; form: string; frequency: number }>) =>
      found.map(({ term, form, frequency }) => `${form} ${term} ${frequency}`).sort();
    const all = sorted(compact.formsStarting(prefix, 1000));
    expect(all.every((line) => line.startsWith(prefix) && !line.startsWith(`${prefix} `))).toBe(true);
    expect(sorted(mini.formsStarting(prefix, 1000))).toEqual(all);
    expect(compact.formsStarting(prefix, 2).length).toBe(Math.min(2, all.length));
    expect(mini.formsStarting(prefix, 2).length).toBe(Math.min(2, all.length));
  });

  it('on a generated corpus, with its typos and off-topic questions', async () => {
    const generated = generateCorpus({ passages: 3000, seed: 21 });
    const compact = SearchIndex.build(generated.corpus);
    const mini = new SearchIndex(generated.corpus, MiniSearchBackend.build(generated.corpus.passages));
    for (const q of generateQuestions(generated, 80, 21)) {
      const request = { question: q.question, limit: 5, from: q.from ?? null, to: q.to ?? null };
      expect(plain(await compact.search(request)), q.question).toEqual(plain(await mini.search(request)));
    }
    expect(compact.stats.probed).toBeGreaterThan(0);
  });

  it('when every word in three passages or more is read as a probe where it can be (the exact bounds, tried hard)', async () => {
    // The same tuning behind both: which words are too rare to be probes decides what a paragraph inherits from its lede.
    const tuning = withTuning({ minProbeFrequency: 3, minProbeShare: 0 });
    const mini = new SearchIndex(seed, MiniSearchBackend.build(seed.passages), tuning);
    const compact = SearchIndex.build(seed, tuning);
    for (const request of requests([...evalQuestions(), 'US embassy Baghdad militias', 'Iraq US troops']))
      expect(plain(await compact.search(request)), request.question).toEqual(plain(await mini.search(request)));
    const { probed, retried, fellBack } = compact.stats;
    expect(probed).toBeGreaterThan(100);
    expect(retried).toBeGreaterThan(0);
    expect(fellBack).toBeLessThanOrEqual(retried);
  });
});

describe('the compact index going on from its last retrieval', () => {
  /** A retrieval as data: per passage, its scores, matched masks and whether it is primary. */
  function rowsOf(retrieval: Retrieval, groups: number): Array<[number, unknown]> {
    const byDoc = new Map<number, unknown>();
    for (let row = 0; row < retrieval.count; row++) {
      const cells = (column: Float64Array | Uint32Array): number[] =>
        Array.from(column.subarray(row * groups, (row + 1) * groups));
      byDoc.set(retrieval.docs[row]!, {
        scores: cells(retrieval.scores),
        matched: cells(retrieval.matched),
        primary: retrieval.primary[row],
        previous: retrieval.previousRow ? (retrieval.docs[retrieval.previousRow[row]!] ?? null) : null,
      });
    }
    return [...byDoc].sort(([a], [b]) => a - b);
  }

  it('extends a probed retrieval to exactly what a fresh one with those probes read whole gives', async () => {
    const generated = generateCorpus({ passages: 2000, seed: 5 });
    const backend = CompactIndex.build(generated.corpus.passages, generated.corpus.sources);
    const fresh = CompactIndex.build(generated.corpus.passages, generated.corpus.sources);
    // Common terms of the generated corpus make the probes, a rarer one the primary matches.
    const ranked = backend.data.terms
      .map((term) => ({ term, frequency: backend.documentFrequency(term) }))
      .sort((a, b) => b.frequency - a.frequency);
    const [common1, common2, rare] = [ranked[0]!.term, ranked[5]!.term, ranked[Math.floor(ranked.length / 3)]!.term];
    const probed: QueryAlternative[][] = [
      [{ terms: [rare], weight: 1 }],
      [{ terms: [common1], weight: 0.5, probe: true }],
      [
        { terms: [common2], weight: 0.8, probe: true },
        { terms: [common1, common2], weight: 0.3, probe: true },
      ],
    ];
    await backend.retrieve({ groups: probed, filter: null, k: 1000, withNeighbours: true });
    const wholer = probed.map((alternatives, g) =>
      alternatives.map((alternative) => (g === 1 ? { ...alternative, probe: false } : alternative)),
    );
    const extended = rowsOf(
      await backend.extend({ groups: wholer, filter: null, k: 1000, withNeighbours: true }),
      probed.length,
    );
    const expected = rowsOf(
      await fresh.retrieve({ groups: wholer, filter: null, k: 1000, withNeighbours: true }),
      probed.length,
    );
    expect(extended.length).toBeGreaterThan(10);
    expect(extended).toEqual(expected);
  });
});

describe('what the engine caches', () => {
  it('answers a repeated question from its cache, with the same result', async () => {
    const index = SearchIndex.build(seed);
    const first = await index.search({ question: 'Who is the spokesman for Kadhimi?', limit: 3 });
    const again = await index.search({ question: 'Who is the spokesman for Kadhimi?', limit: 3 });
    expect(again).toBe(first);
    expect(index.stats.cached).toBe(1);
    // Another page or filter is another result.
    expect(await index.search({ question: 'Who is the spokesman for Kadhimi?', limit: 3, offset: 3 })).not.toBe(first);
  });
});

describe('questions asked at once', () => {
  it('are answered as when asked one after another, though the backend reuses its retrieval arrays', async () => {
    const all = requests(evalQuestions());
    const oneByOne = SearchIndex.build(seed);
    const expected = [];
    for (const request of all) expected.push(plain(await oneByOne.search(request)));
    const atOnce = SearchIndex.build(seed);
    expect((await Promise.all(all.map((request) => atOnce.search(request)))).map(plain)).toEqual(expected);
  });
});

describe('typo candidates', () => {
  const terms = [
    'baghdad',
    'baghdadi',
    'embassi',
    'embark',
    'emboss',
    'kadhimi',
    'kazemi',
    'militia',
    'militari',
    'missil',
    'pompeo',
    'spokesperson',
  ];
  const index = new CompactIndex(
    CompactIndex.build(
      terms.map((term, i) => ({
        id: `p${i}`,
        text: term,
        paragraph: 1,
        section: null,
        source: bareSource({ id: 's', title: 't', file: 'f' }),
      })),
      [],
    ).data,
    [],
  );

  it.each(['embasy', 'bagdhad', 'baghadd', 'kadimi', 'militai', 'misile', 'pompoe', 'spokesprson', 'xyzzy', 'a'])(
    'finds exactly the terms within 1 and 2 edits of %s',
    (word) => {
      const known = index.data.terms;
      for (const limit of [1, 2]) {
        const expected = known.filter((term) => editDistance(word, term, limit) <= limit);
        expect(
          index
            .termsNear(word, limit)
            .map((found) => found.term)
            .sort(),
        ).toEqual([...expected].sort());
      }
    },
  );

  it('builds a trie with one node per distinct prefix', () => {
    const trie = buildTrie(['a', 'ab', 'abc', 'b', 'ba']);
    // root, a, ab, abc, b, ba
    expect(trie.letter.length).toBe(6);
    expect([...trie.ends].filter((end) => end >= 0).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('finds written forms by typo and by prefix as a sorted list of every form finds them', () => {
    const written = new CompactIndex(
      CompactIndex.build(
        [
          'The Embassy, two embassies and the EMBASSY were evacuated.',
          'An evacuation, evacuations; the evacuees evacuate. Embassy staff left.',
          'U.S. troops, the US and the USA; Kadhimi and al-Kadhimi.',
        ].map((text, i) => ({
          id: `p${i}`,
          text,
          paragraph: 1,
          section: null,
          source: bareSource({ id: 's', title: 't', file: 'f' }),
        })),
        [],
      ).data,
      [],
    );
    const { terms, forms } = written.data;
    const all = forms
      .flatMap((joined, id) => joined.split('|').map((form) => ({ form, term: terms[id]! })))
      .sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : terms.indexOf(a.term) - terms.indexOf(b.term)));
    expect(all.length).toBeGreaterThan(terms.length);
    for (const prefix of ['', 'e', 'emb', 'embassy', 'evacu', 'u', 'us', 'kadh', 'zz'])
      for (const limit of [1, 3, 100]) {
        const expected = all
          .filter(({ form }) => form.startsWith(prefix) && form.length > prefix.length)
          .slice(0, limit);
        expect(written.formsStarting(prefix, limit).map(({ form, term }) => ({ form, term }))).toEqual(expected);
      }
    for (const word of ['embasy', 'Embasies', 'evacuaton', 'kadimi', 'usa'])
      for (const limit of [1, 2]) {
        const expected = new Set(
          all.filter(({ form }) => editDistance(word, form, limit) <= limit).map(({ form }) => form),
        );
        const found = written.formsNear(word, limit);
        expect(new Set(found.map(({ form }) => form))).toEqual(expected);
        for (const { form, term } of found) expect(all).toContainEqual({ form, term });
      }
  });
});

describe('the analyzer shortcuts agree with the analyzer', () => {
  const texts = [
    ...seedTexts(),
    'U.S. troops and the US, USA’s 5,200 men; al-Kadhimi’s don’t Shi’ite F.M. IMF United States of America',
    'what did the us say',
  ];

  function seedTexts(): string[] {
    return generateCorpus({ passages: 200, seed: 3 }).corpus.passages.map((passage) => passage.text);
  }

  it('analyzeForIndex gives the terms and phrases of analyze and capitalisedPhrases', () => {
    for (const text of [...texts, ...seed.passages.map((p) => p.text)]) {
      const { terms, phrases } = analyzeForIndex(text);
      expect(terms.map(({ term, word, position }) => [term, word, position])).toEqual(
        analyze(text).map(({ term, word, position }) => [term, word, position]),
      );
      expect(phrases).toEqual(capitalisedPhrases(text));
    }
  });

  it.each([
    'us',
    'usa',
    'america',
    'iraqi',
    'bagdad',
    'said',
    'the',
    'killing',
    'embassies',
    "don't",
    'well-being',
    'u.s.',
    '5,200',
    'x',
  ])('termOfWord(%j) is the one term analyze gives', (word) => {
    const analyzed = analyze(word);
    expect(termOfWord(word)).toBe(analyzed.length === 1 ? analyzed[0]!.term : null);
  });
});
