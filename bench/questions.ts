/**
 * Natural-language questions about a generated corpus: most name an entity and two or three words
 * of one passage, in the shapes people type ("What did Kazemi say about the ceasefire?"); a quarter
 * of those carry a typo; some ask about what no passage treats (words kept out of the corpus); some
 * narrow the search to a date range. Seeded like the corpus.
 */
import { STOP_WORDS } from '../src/search/stopwords.ts';
import type { GeneratedCorpus } from './generate.ts';
import { loadWordList } from './generate.ts';
import { Random } from './random.ts';

export interface BenchQuestion {
  readonly question: string;
  readonly kind: 'answerable' | 'typo' | 'off-topic';
  /** The passage the question was written from (null for off-topic ones). */
  readonly passageId: string | null;
  readonly from?: string;
  readonly to?: string;
}

const TEMPLATES: ReadonlyArray<(e: string, w: readonly string[]) => string> = [
  (e, w) => `What did ${e} say about the ${w[0]}?`,
  (e, w) => `Why did ${e} ${w[0]} the ${w[1]}?`,
  (e, w) => `How many ${w[0]} ${w[1]} were there in ${e}?`,
  (e, w) => `Tell me about the ${w[0]} and ${w[1]} of ${e}`,
  (_e, w) => `When was the ${w[0]} ${w[1]}?`,
  (e, w) => `${e} ${w[0]} ${w[1]} ${w[2] ?? ''}`.trim(),
  (e, w) => `Is it true that ${e} ${w[0]} ${w[1]}?`,
  (_e, w) => `What happened with the ${w[0]} after the ${w[1]}?`,
  (e, w) => `Did ${e} ever mention ${w[0]} or ${w[1]}?`,
  (e, w) => `who ${w[0]} the ${w[1]} ${w[2] ?? ''} in ${e}`.trim(),
];

/** One typo, as people make them: two letters swapped, one dropped, or one doubled. */
function typo(random: Random, word: string): string {
  const at = random.int(1, word.length - 3);
  const roll = random.next();
  if (roll < 0.4) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (roll < 0.7) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
}

export function generateQuestions(generated: GeneratedCorpus, count: number, seed: number): BenchQuestion[] {
  const random = new Random(seed ^ 0x5bd1e995);
  const list = loadWordList();
  const reserved = [...list.reserved].map((rank) => list.words[rank]!);
  const { passages } = generated.corpus;
  const questions: BenchQuestion[] = [];
  while (questions.length < count) {
    const roll = random.next();
    if (roll < 0.12) {
      const words = [random.pick(reserved), random.pick(reserved), random.pick(reserved)];
      const entity = random.chance(0.5) ? random.pick(passages).source.title.split(' ')[0]! : 'the city';
      questions.push({ question: random.pick(TEMPLATES)(entity, words), kind: 'off-topic', passageId: null });
      continue;
    }
    const index = random.int(0, passages.length - 1);
    const passage = passages[index]!;
    const named = generated.mentions.get(index);
    const content = [...new Set(passage.text.toLowerCase().match(/[a-z]{4,}/g) ?? [])].filter(
      (word) => !STOP_WORDS.has(word),
    );
    if (!named || content.length < 3) continue;
    const words: string[] = [];
    while (words.length < 3) {
      const word = random.pick(content);
      if (!words.includes(word)) words.push(word);
    }
    const entity = random.pick(named);
    let kind: BenchQuestion['kind'] = 'answerable';
    if (random.chance(0.25)) {
      const long = words.findIndex((word) => word.length >= 6);
      if (long >= 0) {
        words[long] = typo(random, words[long]!);
        kind = 'typo';
      }
    }
    const question = random.pick(TEMPLATES)(entity, words);
    const date = passage.source.date?.value;
    if (date && random.chance(0.1)) {
      const day = Date.parse(date) / 86_400_000;
      const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
      questions.push({
        question,
        kind,
        passageId: passage.id,
        from: iso(day - random.int(0, 30)),
        to: iso(day + random.int(0, 30)),
      });
    } else questions.push({ question, kind, passageId: passage.id });
  }
  return questions;
}
