import { describe, expect, it } from 'vitest';
import { droppedContent, isFurniture, type GoldPage } from '../src/eval/pages.ts';
import { normalizeForMatch } from '../src/text/match.ts';

const page = (furniture: string[]): GoldPage => ({
  file: 'page.txt',
  title: 'Budget passes',
  outlet: null,
  date: null,
  furniture,
});

describe('npm run eval counts the article text that cleaning dropped', () => {
  const text = [
    ' date 2021-03-03 Budget passes',
    'The council voted late on Tuesday to approve the budget for next year.',
    'Share this article',
    'The mayor said he would sign the budget on Friday, his office said.',
    'Ok.',
  ].join('\n');
  const furniture = page([' date 2021-03-03 Budget passes', 'Share this article']);

  it('finds nothing dropped when every line of text is in a passage, furniture and short lines aside', () => {
    const passages = [
      'The council voted late on Tuesday to approve the budget for next year.',
      'The mayor said he would sign the budget on Friday, his office said.',
    ];
    expect(droppedContent(text, furniture, passages)).toEqual({ lines: 2, dropped: [] });
  });

  it('names a line of text no passage holds', () => {
    const passages = ['The council voted late on Tuesday to approve the budget for next year.'];
    expect(droppedContent(text, furniture, passages).dropped).toEqual([
      'The mayor said he would sign the budget on Friday, his office said.',
    ]);
  });

  it('counts a line kept without the stamp glued to it as kept', () => {
    const glued = 'The council voted late on Tuesday to approve the budget. Updated 10:15 a.m.';
    const passages = ['The council voted late on Tuesday to approve the budget.'];
    expect(droppedContent(glued, page(['Updated 10:15 a.m.']), passages).dropped).toEqual([]);
  });
});

describe('npm run eval tells furniture left in a passage from article text', () => {
  it('counts a short furniture line only glued to a passage’s start or end, as a tag names what the text also names', () => {
    const lines = ['jane doe smith', 'sign up for alerts today'].map((line) => normalizeForMatch(line));
    expect(isFurniture('The mayor Jane Doe Smith said the budget would pass.', lines)).toBe(false);
    expect(isFurniture('The mayor said the budget would pass. Jane Doe Smith', lines)).toBe(true);
    expect(isFurniture('The mayor said the budget would pass. Sign up for alerts today and more.', lines)).toBe(true);
  });
});
