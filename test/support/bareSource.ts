import type { Source } from '../../src/corpus/types.ts';

/** A source with nothing stated but what `fields` give (a title from the text, no outlet, date or author), for tests that build passages by hand. */
export function bareSource(fields: Partial<Source> & Pick<Source, 'id' | 'title' | 'file'>): Source {
  return { titleOrigin: 'text', outlet: null, date: null, url: null, author: null, credit: null, ...fields };
}
