/**
 * What an answer leads with (src/present/answer.ts): the sentence of each passage that answers,
 * and which passages of an answer tell one fact in other words, on the seed corpus's own text.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/app/commands.ts';
import { answeringSentence, sameFacts } from '../src/present/answer.ts';
import { seedLibrary } from './support/corpus.ts';

const NINETY_DAYS = [
  'If the Trump administration moves forward with the plan, closing the embassy in Baghdad is expected to take 90 days, a window that would allow Washington to reconsider the decision.',
  'If the Trump administration decides to follow through on its threat, closing the embassy is expected to take 90 days, giving the US some time to reassess its decision.',
];

describe('sameFacts', () => {
  it('finds one fact told in two articles’ words, the later pointing at the first', () => {
    expect(sameFacts(NINETY_DAYS)).toEqual([null, 0]);
    const rephrased = 'It is said that the US pullout could set PM Kadhimi back in his fight against the militias.';
    const longer =
      'Analysts have also said that a US pullout could not only set Kadhimi back in his fight against the militias but also risk military confrontation between the US and Iran with Iraq serving as the battleground.';
    expect(sameFacts([longer, NINETY_DAYS[0]!, rephrased])).toEqual([null, null, 0]);
  });

  it('keeps apart sentences that share names but not what they say, or say other numbers', () => {
    const letter =
      'US Secretary of State Mike Pompeo has sent a letter of warning to Iraqi President Barham Salih threatening to close its diplomatic mission in Baghdad.';
    const warned =
      'United States (US) Secretary of State Mike Pompeo has warned Iraqi Prime Minister Mustafa al-Kadhimi that the US will close its embassy in Baghdad if the government fails to control Iran-backed militias.';
    expect(sameFacts([letter, warned])).toEqual([null, null]);
    expect(sameFacts([NINETY_DAYS[0]!, NINETY_DAYS[1]!.replace('90', '60')])).toEqual([null, null]);
  });
});

describe('answeringSentence', () => {
  it('picks the sentence holding the question’s words, and a whole one-sentence passage', async () => {
    const library = await seedLibrary();
    const result = await runCommand(
      'ask',
      { question: 'How long would closing the embassy take?' },
      { library, invoker: { via: 'cli', isModerator: true } },
    );
    if (result.kind !== 'ask') throw new Error('expected an answer');
    const [best] = result.search.hits;
    const span = answeringSentence(best!);
    expect(best!.passage.text.slice(span.start, span.end)).toBe(NINETY_DAYS[0]);
    const single = result.search.hits.find((hit) => !/[.!?]\s+[A-Z“"]/.test(hit.passage.text))!;
    expect(answeringSentence(single)).toEqual({ start: 0, end: single.passage.text.length });
  });
});
