import type { Relation } from './wordnet.ts';

/**
 * How a question word can be matched: itself, another name of the same thing (alias), another
 * form of the same verb (inflection), a person's surname alone (name-part), its typo correction,
 * a related word, or a word news uses alike (near).
 */
export type MatchKind = 'exact' | 'alias' | 'inflection' | 'name-part' | 'typo' | Relation | 'near';

/**
 * How the engine reads a question and when it answers: one documented object, passed to the index
 * and never changed while it runs. `DEFAULT_TUNING` is what the product uses; tests that need other
 * values build their own (`{ ...DEFAULT_TUNING, sureCoverage: 0.9 }`).
 *
 * Each question word becomes a *group*: the word itself when the corpus knows it, else its typo
 * correction or the phrase its initials spell in the articles ("FM" -> Foreign Minister), plus
 * words WordNet relates to it in their common senses that the corpus writes ("afraid" -> "fear"),
 * each weighted below an exact match. A passage scores, per group, its best alternative's BM25
 * times that alternative's weight (stand-ins never add up), times its coverage, times a proximity
 * boost.
 *
 * Whether to answer at all is a separate question. The *coverage* of a passage is the share of the
 * question's topical weight that it matches. A word's topical weight is how likely it is to name
 * what the question is about, on one scale for words the corpus knows and words it lacks:
 * - everyday words weigh nothing: the ~100 commonest English words (SUBTLEX) fade out;
 * - things weigh more than ways of asking: nouns and names count fully, verbs, adjectives and
 *   adverbs ("afraid", "actually", "crack down") and spans of time ("this weekend") less, because
 *   an article that answers may well word them otherwise;
 * - a word the corpus has everywhere singles out less (its IDF share).
 * A stand-in counts as far as it implies the word: a synonym much, a broader word ("vote" for
 * "election") little. So a missing topic ("Taiwanese", "falafel", "weather") sinks a question,
 * while a missing helper ("actually", "rethink") only lowers it.
 */
export interface SearchTuning {
  /** The best passage must cover at least this share of the question's topical weight, or nothing is shown. */
  readonly minCoverage: number;
  /**
   * A best passage covering this share answers the question however common its words; between
   * minCoverage and this, only when it matches more than chance would (ranking/abstain.ts).
   */
  readonly sureCoverage: number;
  /** A word the corpus lacks weighing at most this (a verb, an adverb, an everyday word) may be left out of a question that otherwise goes unanswered. */
  readonly ignorableWeight: number;
  /** A question is answered when fewer than this many passages would cover as much as its best by chance. */
  readonly chanceToAnswer: number;
  /** A passage is shown when fewer than this many passages would cover as much by chance. */
  readonly chanceToShow: number;
  /** Below the best hit's coverage times this, a passage answers too little of the question to show. */
  readonly relativeCoverage: number;
  /** How much coverage counts in the ranking: a passage's BM25 is multiplied by its coverage to this power. */
  readonly coverageExponent: number;
  /**
   * How much more a passage scores when the question's words stand together in it (1 + this, at
   * most). With five development stories, 1 -> 0.5 (and words used alike 0.6 -> 0.8) moved R@1
   * 0.575 -> 0.590 and MRR@5 0.665 -> 0.673; the seed's MRR 0.841 -> 0.852.
   */
  readonly proximityWeight: number;
  /** A corrected typo counts for less than a word the asker spelled as the corpus does. */
  readonly correctedWeight: number;
  /** A real word read as the neighbour the corpus uses far more ("trail" in a corpus about a trial) counts for less than a plain typo. */
  readonly realWordTypoWeight: number;
  /** Another name of the same thing ("UK" for "United Kingdom") counts as the word itself. */
  readonly aliasWeight: number;
  /** Another form of the same verb ("sold" for "sell") counts nearly as the word itself. */
  readonly inflectionWeight: number;
  /** A surname alone for a full name ("Yellen" for "Janet Yellen") counts nearly as the name. */
  readonly namePartWeight: number;
  /**
   * What a related word counts for in ranking, against 1 for the word itself: a synonym or the same
   * word in another class (afraid/fear) nearly as much as a typo fix; a near, broader or narrower
   * word (spokesman -> spokesperson, money -> fund) less, as it may not mean what the asker meant.
   */
  readonly relationWeight: Readonly<Record<Relation, number>>;
  /**
   * What a stand-in counts for in coverage, by how far a passage that has it can be said to speak
   * of the question's word: a narrower word implies the word (a missile is a weapon), a broader one
   * does not (a vote need not be an election), a merely similar one hardly.
   */
  readonly impliesWeight: Readonly<Record<MatchKind, number>>;
  /**
   * What a stand-in counts for in the coverage that ranks (BM25 times coverage), where it differs
   * from `impliesWeight`. A word news uses alike ("money" for "cash") tells that a passage may speak
   * of the question, enough to answer rather than stay silent, but ranks no passage above one that
   * says the word. With seven development stories, near words implying 0.1 in coverage and nothing
   * in ranking took answerable questions left empty 25 -> 22 and R@3 0.691 -> 0.704, the off-topic
   * answered and the seed unchanged; counting them in ranking as well cost the seed's R@1 (0.841 -> 0.795).
   */
  readonly impliesInRanking: Readonly<Partial<Record<MatchKind, number>>>;
  /**
   * Zipf values (log10 occurrences per billion words) between which a word fades from counting 1 to
   * nothing: 5 is once in ten thousand words ("ship", "court"), 6 once in a thousand ("people",
   * "make"), 7 once in a hundred ("like", "what"). With eight development stories, fading from 5
   * rather than 6 (an everyday word such as "money" or "police" names a story's topic less than a
   * rarer one) took R@3 0.685 -> 0.703, MRR@5 0.605 -> 0.617, answerable questions left empty 23 ->
   * 21 and off-topic answered 7 -> 6, the seed unchanged; from 4 answered more off-topic questions.
   */
  readonly everydayZipf: { readonly from: number; readonly to: number };
  /** Weight of the commonest words, above 0 so a question of only such words still has a weight. */
  readonly minTopicality: number;
  /** What a verb, adjective or adverb counts for against a noun (by its tagged uses in WordNet). */
  readonly helperWeight: number;
  /** Zipf value from which a word WordNet lacks is taken for a function word or an irregular form, not a name: 4 is ten in a million words. */
  readonly functionWordZipf: number;
  /** What a noun naming a span of time (WordNet noun.time: "weekend", "year") counts for. */
  readonly timeWeight: number;
  /** Power of a known word's IDF share (its IDF over the rarest word's) in its weight: 1/2 softens it, so the story's own names still count. */
  readonly ubiquityExponent: number;
  /** Look up related words for words the corpus knows too (tried -> attempted), not only for the ones it lacks. */
  readonly expandKnownWords: boolean;
  /** Words news uses alike count from this cosine similarity of their vectors ("prison" and "jail": 0.94). */
  readonly nearWordSimilarity: number;
  /** What a word used alike counts for in ranking, times its similarity: below WordNet's relations. */
  readonly nearWordWeight: number;
  /** Words used alike kept per question word. */
  readonly maxNearWords: number;
  /**
   * Stand-ins kept per question word. Each costs one posting-list scan per query, and a general
   * verb ("change", "make") has dozens of narrower ones that say little: this bounds the work.
   */
  readonly maxStandIns: number;
  /**
   * Share of the previous paragraph's matches (same article) a paragraph inherits, in score and
   * coverage: enough to lift "the two officials discussed…" after a paragraph naming them, too
   * little to answer for it. Measured: 0.3 already lets neighbours crowd out better passages.
   */
  readonly contextShare: number;
  /**
   * The share a paragraph inherits instead when it opens by referring back ("He added…", "The two
   * officials discussed…", context.ts): what it speaks of is named in the paragraph before. With
   * nine development stories and the seed, 0.2 -> 0.6 took the seed's R@3 0.909 -> 0.955 and one
   * trial's 0.633 -> 0.667 (empty 1 -> 0), no other story moved; 0.4 did less. Below 1, as
   * probes.ts needs: an inherited match is never more than the passage's own.
   */
  readonly referringShare: number;
  /**
   * Share of its article's first paragraph's matches a later paragraph inherits, in score and
   * coverage, when it matched a word of the question that is no probe's (ranking/probes.ts) itself:
   * the lede names the story ("the Harbour Tower fire") that paragraphs below call "the tower
   * block". With seven development stories, 0 -> 0.3 moved R@1 0.513 -> 0.530, R@3 0.680 -> 0.691,
   * MRR@5 0.599 -> 0.616, empties 28 -> 25, off-topic answered unchanged; 0.2 and 0.4 did less.
   */
  readonly ledeShare: number;
  /** Candidates re-scored for proximity (and the kind of answer); the rest keep their first-pass order. */
  readonly rescoreCandidates: number;
  /**
   * How much more a passage scores when it gives the kind of answer the question asks for (a date
   * for "when", a number for "how many"): 1 + this. A passage without one cannot answer such a
   * question, so it is strong: measured on the development stories, 0.5 -> 3 put 5 more of 150
   * answers in the first three; above 3 nothing moved.
   */
  readonly answerKindWeight: number;
  /**
   * The same for a reason asked with "why" (a passage saying "because", "due to", "sparked"): a
   * passage may give a reason without such a word, and one may say "since" of a time, so it counts
   * for less than a number or a date. With nine development stories and the seed, 0 -> 0.6 took
   * the mean R@3 0.699 -> 0.711 and MRR@5 0.617 -> 0.622; 0.3 and 1 did less.
   */
  readonly reasonWeight: number;
  /**
   * Share of answerKindWeight a passage gains for a number that stands away from the thing a "how
   * many" question counts ("how many troops": "its two major allies"), against one within a few
   * words of it ("troop presence would drop from 5,200"). Measured: 0 -> 0.3 kept a passage whose
   * only number counts something else above one without any; 0.6 did less.
   */
  readonly uncountedShare: number;
  /** Questions whose reading (corrections, stand-ins, weights) is kept: a question asked again, or paged with "More", skips it. */
  readonly cachedQuestions: number;
  /** Whole results kept, by question, filters and page: asking again costs a lookup. */
  readonly cachedResults: number;
  /**
   * A word in at least this many passages (and this share of them) may be read as a probe: scored
   * only in passages the question's rarer words find (see ranking/probes.ts). Exact either way;
   * this only decides when it is worth trying.
   */
  readonly minProbeFrequency: number;
  readonly minProbeShare: number;
  /**
   * The most a passage with probe words only may cover (and never as much as the question's answer
   * threshold). Below what could be shown no check is needed; above it the ranking checks it.
   */
  readonly probeCoverage: number;
  /** A word whose score bound passes this share of the question's strongest word's is not read as a probe. */
  readonly probeScoreShare: number;
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value))
    if (field !== null && typeof field === 'object') deepFreeze(field as object);
  return Object.freeze(value);
}

/** The product's tuning, measured with `npm run eval` on every story's questions. */
export const DEFAULT_TUNING: SearchTuning = deepFreeze({
  minCoverage: 0.475,
  sureCoverage: 0.8,
  ignorableWeight: 0.5,
  chanceToAnswer: 10,
  chanceToShow: 20,
  relativeCoverage: 0.3,
  coverageExponent: 1,
  proximityWeight: 0.5,
  correctedWeight: 0.8,
  realWordTypoWeight: 0.6,
  aliasWeight: 1,
  inflectionWeight: 0.9,
  namePartWeight: 0.9,
  relationWeight: { synonym: 0.7, derived: 0.7, similar: 0.5, broader: 0.5, narrower: 0.4 },
  impliesWeight: {
    exact: 1,
    alias: 1,
    inflection: 1,
    'name-part': 0.9,
    typo: 0.8,
    synonym: 0.7,
    derived: 0.7,
    narrower: 0.6,
    broader: 0.25,
    similar: 0.3,
    near: 0.1,
  },
  impliesInRanking: { near: 0 },
  everydayZipf: { from: 5, to: 7 },
  minTopicality: 0.02,
  helperWeight: 0.2,
  functionWordZipf: 4,
  timeWeight: 0.3,
  ubiquityExponent: 0.5,
  expandKnownWords: true,
  maxStandIns: 12,
  nearWordSimilarity: 0.6,
  nearWordWeight: 0.8,
  maxNearWords: 8,
  contextShare: 0.2,
  referringShare: 0.6,
  ledeShare: 0.3,
  rescoreCandidates: 60,
  answerKindWeight: 3,
  reasonWeight: 0.6,
  uncountedShare: 0.3,
  cachedQuestions: 1024,
  cachedResults: 256,
  minProbeFrequency: 64,
  minProbeShare: 0.001,
  probeCoverage: 0.5,
  probeScoreShare: 0.8,
});
