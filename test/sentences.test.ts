import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/text/sentences.ts';

const texts = (passage: string): string[] => splitSentences(passage).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    [
      'Gen.',
      "Iran further launched a counter-attack avenge Gen. Soleimani's death. A ballistic missile attack on January 8 from Iran resulted in severe injuries.",
      [
        "Iran further launched a counter-attack avenge Gen. Soleimani's death.",
        'A ballistic missile attack on January 8 from Iran resulted in severe injuries.',
      ],
    ],
    [
      'U.S. inside a sentence',
      'News organizations quoted U.S. and Iraqi officials Sunday. Pompeo has not discussed the matter.',
      ['News organizations quoted U.S. and Iraqi officials Sunday.', 'Pompeo has not discussed the matter.'],
    ],
    [
      'U.S. before a name',
      'The U.S. Secretary of State spoke. He left.',
      ['The U.S. Secretary of State spoke.', 'He left.'],
    ],
    [
      'U.S. ending a sentence',
      'The troops went home to the U.S. The move angered Tehran.',
      ['The troops went home to the U.S.', 'The move angered Tehran.'],
    ],
    [
      'Jan. and Sept.',
      'Protesters stormed the embassy on Jan. 1, 2020. Talks resumed Sept. 27.',
      ['Protesters stormed the embassy on Jan. 1, 2020.', 'Talks resumed Sept. 27.'],
    ],
    ['Mr. and Dr.', 'Mr. Pompeo met Dr. Salih. They spoke.', ['Mr. Pompeo met Dr. Salih.', 'They spoke.']],
    [
      'closing quote',
      'The department said “Iran-backed groups are a danger.” Pompeo declined.',
      ['The department said “Iran-backed groups are a danger.”', 'Pompeo declined.'],
    ],
    [
      'lower case after a period is not a new sentence',
      'The vote was at 3 p.m. on Sunday in Baghdad.',
      ['The vote was at 3 p.m. on Sunday in Baghdad.'],
    ],
    [
      'line breaks always end a sentence',
      'By VOA News\nSeptember 28, 2020 03:35 AM',
      ['By VOA News', 'September 28, 2020 03:35 AM'],
    ],
    [
      'question and exclamation marks',
      'Will they stay? Nobody knows! Talks go on.',
      ['Will they stay?', 'Nobody knows!', 'Talks go on.'],
    ],
  ])('%s', (_name, passage, expected) => {
    expect(texts(passage)).toEqual(expected);
  });

  it('keeps each sentence as printed, with its offset in the passage', () => {
    const passage = 'The U.S. forces\u00a0are in Iraq.  The Pentagon announced earlier this month a cut.';
    for (const sentence of splitSentences(passage)) {
      expect(passage.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
    }
    expect(texts(passage)).toEqual([
      'The U.S. forces\u00a0are in Iraq.',
      'The Pentagon announced earlier this month a cut.',
    ]);
  });
});
