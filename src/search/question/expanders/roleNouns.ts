import type { Expander } from './types.ts';
import { writtenForms } from './writtenForms.ts';

/** "spokes|man": a role named by a word ending in who holds it. */
const ROLE = /^(\p{Ll}{4,}?)(man|men|woman|women|person|persons|people)$/u;
/** The endings a role is written with, singular then plural. */
const ENDINGS = [
  ['man', 'men'],
  ['woman', 'women'],
  ['person', 'people'],
] as const;

/**
 * The same role named for a man, a woman or anyone: a question asks for the "spokesman", the
 * article quotes a "spokeswoman" or a "spokesperson" ("chairman", "congresswoman",
 * "businesspeople"). Only forms the corpus writes are added, as the word's other forms.
 */
export const roleNouns: Expander = {
  name: 'role nouns',
  claims: true,
  expand({ word, found }, context) {
    if (word.kind !== 'word') return [];
    const role = ROLE.exec(word.word);
    if (!role) return [];
    const [, stem, ending] = role;
    const plural = ENDINGS.some(([, many]) => many === ending) || ending === 'persons';
    const seen = new Set([word.term, ...found.map((alternative) => alternative.term)]);
    const forms = ENDINGS.map(([one, many]) => `${stem}${plural ? many : one}`);
    return writtenForms(forms, seen, context, 'inflection', context.tuning.inflectionWeight);
  },
};
