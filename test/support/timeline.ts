import { WordNet } from '../../src/search/wordnet.ts';

/** What the timeline reads dates with: the installed WordNet, as the product's search environment gives it. */
export const TIMELINE_KNOWLEDGE = { wordnet: WordNet.shared() } as const;
