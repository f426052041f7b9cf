import { irregularVerbs } from '../../knowledge/irregularVerbs.ts';
import type { Expander } from './types.ts';
import { writtenForms } from './writtenForms.ts';

/**
 * The verb's other forms that the stemmer cannot join: a question asks what someone will "tell"
 * or "sell", the article reports what they "told" or "sold" (english-verbs-irregular).
 */
export const irregularForms: Expander = {
  name: 'inflections',
  claims: true,
  expand({ word }, context) {
    if (word.kind !== 'word') return [];
    const seen = new Set([word.term]);
    // "telling" is a form of "tell", whose past is "told": the verb's base first, then its irregular forms.
    const bases = context.environment.wordnet
      .baseForms(word.word)
      .flatMap((form) => (form.pos === 'v' ? [form.lemma] : []));
    const forms = new Set([...bases, ...[word.word, ...bases].flatMap((form) => irregularVerbs().formsBeside(form))]);
    return writtenForms(
      [...forms].filter((form) => form !== word.word && !form.includes(' ')),
      seen,
      context,
      'inflection',
      context.tuning.inflectionWeight,
    );
  },
};
