/**
 * HTML articles: Readability finds the article in a saved page; navigation, header, footer, ads,
 * related links and captions go; paragraphs stay paragraphs; the page's metadata is stated metadata.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../src/corpus/article.ts';
import { html } from '../src/corpus/formats/html.ts';
import { formatFor } from '../src/corpus/formats/index.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { LOAD_OPTIONS, withTempDir } from './support/corpus.ts';

const PAGE = 'test/fixtures/html/embassy-page.html';

describe('the HTML format', () => {
  it('is chosen for .html and .htm files', () => {
    expect(formatFor('page.html')).toBe(html);
    expect(formatFor('PAGE.HTM')).toBe(html);
  });

  it('keeps the article’s paragraphs and drops navigation, header, footer, ads, related links and captions', async () => {
    const parsed = html.parse(await readFile(PAGE, 'utf8'));
    const article = buildArticle('embassy-page.html', parsed, undefined)!;

    expect(article.passages.map((passage) => passage.text)).toEqual([
      'The United States has told Iraq it will close its embassy in Baghdad unless the government stops rocket attacks on American diplomats, two Iraqi officials said on Monday.',
      'Secretary of State Mike Pompeo delivered the warning in a phone call to Iraqi President Barham Salih last week, the officials said, adding that the withdrawal would be expected to take 90 days.',
      'Iran-backed militias have been blamed for dozens of rocket attacks on the heavily fortified Green Zone, where the embassy stands, since the killing of Iranian general Qassem Soleimani in January.',
      'Prime Minister Mustafa al-Kadhimi has promised to rein in the armed groups, but analysts say his government has little leverage over factions that answer to Tehran.',
      'A closure would be a blow to Kadhimi, who visited Washington in August and has sought closer ties with the United States while keeping relations with Iran.',
    ]);
    const everything = parsed.body;
    for (const furniture of [
      'Subscribe for $1 a week',
      'Politics',
      'Advertisement',
      'Flights to anywhere',
      'Related stories',
      'Ten recipes',
      'All rights reserved',
      'Careers',
      'dataLayer',
      'background: yellow',
      'Green Zone. (Photo',
    ]) {
      expect(everything).not.toContain(furniture);
    }
    // Paragraphs are separated by a blank line, and nothing is run together.
    expect(everything).toContain('said on Monday.\n\nSecretary of State');
  });

  it('states the page’s title (its headline, without the site name), outlet, author, date and canonical url', async () => {
    const article = buildArticle('embassy-page.html', html.parse(await readFile(PAGE, 'utf8')), undefined)!;
    expect(article.source).toMatchObject({
      title: 'US threatens to shut Baghdad embassy over rocket attacks',
      titleOrigin: 'front-matter',
      outlet: 'Example Gazette',
      author: 'Jane Q. Reporter',
      date: { value: '2020-09-28', precision: 'day' },
      url: 'https://gazette.example.com/world/2020/09/28/baghdad-embassy',
    });
  });

  it('keeps line breaks inside a paragraph and leaves out what the page does not say', () => {
    const page = `<html><head><title>Statement</title></head><body><article>
      <p>The ministry issued a statement on the embassy late on Sunday evening, and it was read out on state television.</p>
      <p>“We reject any attack on diplomatic missions,” it said.<br>“Iraq will protect them.”</p>
      <p>Officials declined to say whether the prime minister had spoken to the American ambassador about it.</p>
    </article></body></html>`;
    const parsed = html.parse(page);
    expect(parsed.body.split('\n\n')).toHaveLength(3);
    expect(parsed.body).toContain('it said.\n“Iraq will protect them.”');
    expect(parsed.meta).toEqual({ title: 'Statement' });
  });

  it('refuses a page Readability finds no article in, and a .html file with no markup', () => {
    expect(() =>
      html.parse('<html><head><title>Home</title></head><body><script>render()</script></body></html>'),
    ).toThrow('has no article text that Readability could find (is it a page of links, or empty?)');
    // A page of links gives Readability a word or two, which the cleaning does not take for an article.
    expect(
      buildArticle('links.html', html.parse('<html><body><nav><a href="/">Home</a></nav></body></html>'), undefined),
    ).toBeNull();
    expect(() => html.parse('plain words about the embassy')).toThrow(
      'is not an HTML page (no tags in it); save it as .txt if it is plain text',
    );
  });

  it('loads from a corpus folder beside the other formats, with a sidecar over what the page says', async () => {
    await withTempDir(async (dir) => {
      await copyFile(PAGE, join(dir, 'page.htm'));
      await writeFile(join(dir, 'page.meta.json'), '{ "outlet": "The Example Gazette" }');
      const corpus = await loadCorpus(dir, LOAD_OPTIONS);
      expect(corpus.errors).toEqual([]);
      expect(corpus.sources[0]).toMatchObject({
        file: 'page.htm',
        outlet: 'The Example Gazette',
        titleOrigin: 'front-matter',
      });
      expect(corpus.passages).toHaveLength(5);
    });
  });
});
