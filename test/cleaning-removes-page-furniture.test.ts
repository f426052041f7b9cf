import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/corpus/clean/pipeline.ts';
import { SEEDS, seedCorpus, textOf } from './support/corpus.ts';

describe('cleaning the seed articles', () => {
  it('drops "READ |" link lines', async () => {
    const all = textOf(await seedCorpus(), SEEDS.republic).join('\n');
    expect(all).not.toMatch(/READ \|/);
    expect(all).not.toContain('Mike Pompeo Speaks With NATO Chief');
  });

  it('drops tracking-tag residue', async () => {
    const all = textOf(await seedCorpus(), SEEDS.nbcReuters).join('\n');
    expect(all).not.toContain('gtag');
    expect(all).not.toContain('-->');
  });

  it('unglues author hover cards and keeps the sentence as printed', async () => {
    const texts = textOf(await seedCorpus(), SEEDS.hill);
    expect(texts).toContain(
      'Secretary of State Mike Pompeo told Iraqi Prime Minister Mustafa al-Kadhimi about the plan for a U.S. departure from the embassy, an official familiar with the matter told the Post. Two Western officials in the city told the newspaper their country’s diplomatic missions were told about the plan.',
    );
    expect(
      texts.some((text) =>
        text.startsWith(
          'The departure from Baghdad is expected to take 90 days, which a diplomat familiar with the situation told the newspaper would give President Trump’s administration time to reevaluate.',
        ),
      ),
    ).toBe(true);
    expect(texts.join(' ')).not.toMatch(/Taiwan|Giuliani|MORE|Retail sales/);
  });

  it('drops image credits, duplicated titles and truncated or full captions', async () => {
    const corpus = await seedCorpus();
    expect(textOf(corpus, SEEDS.hill).join(' ')).not.toMatch(/Getty|US says it will leave Baghdad embassy/);
    const voa = textOf(corpus, SEEDS.voa);
    expect(voa.join(' ')).not.toMatch(/stand guard|Pictures on the wall/);
    expect(voa[0]).toBe(
      'The United States is threatening to close its embassy in Baghdad amid frustrations over attacks by Shi’ite militias.',
    );
  });

  it('cuts the "Related Stories" / "More Coverage" tail with its unrelated headlines', async () => {
    const voa = textOf(await seedCorpus(), SEEDS.voa);
    expect(voa.at(-1)).toBe(
      'The U.S. forces are in Iraq to advise and assist Iraqi forces in their missions against Islamic State militants. The Pentagon announced earlier this month the U.S. troop presence would drop from 5,200 to 3,000.',
    );
    expect(voa.join(' ')).not.toMatch(/Related Stories|TikTok|Supreme Court|PG&E|Iranian Gas|VOA logo/);
  });

  it('turns bylines, date stamps and credit lines into metadata, not passages', async () => {
    const corpus = await seedCorpus();
    const all = corpus.passages.map((passage) => passage.text).join('\n');
    expect(all).not.toMatch(/^By VOA News$|September 28, 2020 03:35 AM|SOURCE: NBC/m);
  });

  it('keeps section headings as labels of the paragraphs below them, not as passages', async () => {
    const corpus = await seedCorpus();
    const republic = corpus.passages.filter((passage) => passage.source.file === SEEDS.republic);
    expect(republic.map((passage) => passage.text)).not.toContain('Periodic attacks on US forces');
    expect(republic.find((passage) => passage.text.startsWith('The tensions escalated'))?.section).toBe(
      'Periodic attacks on US forces',
    );
  });

  it('numbers paragraphs from 1 after cleaning', async () => {
    const republic = (await seedCorpus()).passages.filter((passage) => passage.source.file === SEEDS.republic);
    expect(republic.map((passage) => passage.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(republic[0]!.text.startsWith('The United States has warned the Iraqi government')).toBe(true);
  });
});

describe('cleaning rules on their own', () => {
  it.each([
    [
      'an HTML tag inside a line',
      'The <b>embassy</b> would close within ninety days of the decision.',
      'The embassy would close within ninety days of the decision.',
    ],
    [
      'an HTML entity',
      'Iraq&#39;s foreign minister met his counterpart in Tehran on Saturday.',
      "Iraq's foreign minister met his counterpart in Tehran on Saturday.",
    ],
    [
      'non-breaking spaces',
      'The strike killed\u00a0the general outside Baghdad airport in January.',
      'The strike killed the general outside Baghdad airport in January.',
    ],
  ])('normalises %s', (_name, input, expected) => {
    expect(cleanArticle(input).paragraphs.map((paragraph) => paragraph.text)).toEqual([expected]);
  });

  it('moves a wire dateline to metadata', () => {
    const clean = cleanArticle(
      'BAGHDAD (Reuters) - Iraqi officials said on Monday that the embassy would stay open for now.',
    );
    expect(clean.paragraphs[0]!.text).toBe('Iraqi officials said on Monday that the embassy would stay open for now.');
    expect(clean.meta).toMatchObject({ dateline: 'BAGHDAD', credit: 'Reuters' });
  });

  it('ends the article at a "Related Articles" heading but not at the word "related" in a sentence', () => {
    const clean = cleanArticle(
      'Officials related the warning to recent rocket attacks on the embassy compound.\n\nRelated Articles\n\nSome other headline about sports',
    );
    expect(clean.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Officials related the warning to recent rocket attacks on the embassy compound.',
    ]);
  });
});
