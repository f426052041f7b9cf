import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as CitationJs from '@citation-js/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../src/corpus/types.ts';
import { InputError } from '../src/errors.ts';
import {
  bibliography,
  CITATION_STYLES,
  citePassage,
  parseCitationStyle,
  toCslItem,
  warmUpCitations,
  type CitationStyle,
  type CslItem,
} from '../src/cite/index.ts';
import {
  p000,
  p003,
  p004,
  passage,
  pReporter,
  pTwoAuthors,
  pUntitled,
  pUntitledWithOutlet,
  reporter,
  seed000,
  seed003,
  seed004,
  twoAuthors,
  untitled,
  untitledWithOutlet,
} from './fixtures/cite/seeds.ts';

const ALL_SOURCES = [seed004, seed003, seed000, reporter, untitled, untitledWithOutlet, twoAuthors];

/** Quotations of the fixture passages, as the third line of every text-style citation. */
const Q004 =
  '“Pompeo has not discussed the matter publicly, but the State Department said Sunday that ‘Iran-backed groups launching rockets at our embassy are a danger not only to us, but to the Government of Iraq.’”';
const Q003 =
  '“The U.S. told Iraq that it will leave its embassy in Baghdad if Iraq doesn’t rein in the attacks on personnel connected to American troops, The Washington Post reported on Sunday.”';
const Q000 =
  '“As per reports, US Secretary of State Mike Pompeo has sent a letter of warning to Iraqi President Barham Salih threatening to close its diplomatic mission in Baghdad. The letter warned that the US will ‘liquidate’ those responsible for attacking American interests in Iraq. Mike Pompeo was referring to militia groups like Kataib Hezbollah and Asaib Ahl al-Haq which are backed by Iran.”';

const lines = (...parts: string[]): string => parts.join('\n');

describe('module loading', () => {
  it('loads citation-js only when a citation needs it, not on import', () => {
    const index = fileURLToPath(new URL('../src/cite/index.ts', import.meta.url));
    const script = `
      import { createRequire } from 'node:module';
      const cite = await import(${JSON.stringify(index)});
      const require = createRequire(import.meta.url);
      const loaded = () => Object.keys(require.cache).some((path) => path.includes('@citation-js'));
      const afterImport = loaded();
      cite.parseCitationStyle('mla');
      const afterParse = loaded();
      cite.citePassage({ id: 'a-b', text: 't', paragraph: 1, section: null, source: { id: 'a', title: 'T', titleOrigin: 'text', outlet: null, date: null, url: null, author: null, credit: null, file: 'f' } }, 'bibtex');
      console.log(JSON.stringify({ afterImport, afterParse, afterCite: loaded() }));`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({ afterImport: false, afterParse: false, afterCite: true });
  });
});

describe('vendored CSL styles', () => {
  it.each([
    ['modern-language-association.csl', 'e6e884792816ba06128dfdd6fe350302a95660f5008f37cc0e7dfbcf83929ed9'],
    ['chicago-author-date.csl', 'b57aa77d5aba20e1ed5b9cf655eb037b6ea5d1934d39b5eea48823f204d9b451'],
  ])('%s is byte-identical to the official file recorded in vendor/README.md', (file, sha256) => {
    const bytes = readFileSync(new URL(`../src/cite/vendor/${file}`, import.meta.url));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    expect(readFileSync(new URL('../src/cite/vendor/README.md', import.meta.url), 'utf8')).toContain(
      `${sha256}  ${file}`,
    );
  });
});

describe('parseCitationStyle', () => {
  it.each(CITATION_STYLES.map((style) => [style]))('accepts %s', (style) => {
    expect(parseCitationStyle(style)).toBe(style);
  });

  it('ignores case and surrounding spaces', () => {
    expect(parseCitationStyle(' APA ')).toBe('apa');
    expect(parseCitationStyle('CSL-JSON')).toBe('csl-json');
  });

  it.each([['harvard'], [''], ['csl json'], ['chicago-author-date']])(
    'rejects %j with an InputError naming the styles',
    (value) => {
      let error: unknown;
      try {
        parseCitationStyle(value);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe('unknown_style');
      expect((error as InputError).message).toBe(
        `Unknown citation style "${value}". Use one of: apa, mla, chicago, bibtex, csl-json.`,
      );
    },
  );
});

describe('toCslItem', () => {
  it('maps an organisation byline that is also the outlet to a literal name, and a day date to three parts', () => {
    expect(toCslItem(seed004)).toEqual({
      id: '74ef57',
      'citation-key': 'dossier_74ef57',
      type: 'article-newspaper',
      title: 'US Threatens to Close Embassy in Baghdad',
      author: [{ literal: 'VOA News' }],
      'container-title': 'VOA News',
      issued: { 'date-parts': [[2020, 9, 28]] },
    } satisfies CslItem);
  });

  it('leaves out what is not known: no author, no date, no URL', () => {
    expect(toCslItem(seed003)).toEqual({
      id: '701650',
      'citation-key': 'dossier_701650',
      type: 'article-newspaper',
      title: "US says it will leave Baghdad embassy if Iraq doesn't rein in attacks: report",
      'container-title': 'The Hill',
    });
  });

  it('makes an article with no outlet a webpage', () => {
    expect(toCslItem(seed000)).toEqual({
      id: '495c20',
      'citation-key': 'dossier_495c20',
      type: 'webpage',
      title: "US warns Iraq it's planning to pull out of Baghdad embassy over inaction against militants",
      issued: { 'date-parts': [[2020, 9, 28]] },
    });
  });

  it('splits a person into family and given, keeps a month date to two parts, and keeps the URL', () => {
    expect(toCslItem(reporter)).toEqual({
      id: 'fa4e01',
      'citation-key': 'dossier_fa4e01',
      type: 'article-newspaper',
      title: 'Embassy talks resume after a week of rocket attacks',
      author: [{ given: 'Jane Q.', family: 'Reporter' }],
      'container-title': 'Example Gazette',
      issued: { 'date-parts': [[2020, 7]] },
      URL: 'https://example.org/a',
    });
  });

  it('reads several people in one byline, drops "By", and keeps a year date to one part', () => {
    const item = toCslItem(twoAuthors);
    expect(item.author).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
    ]);
    expect(item.issued).toEqual({ 'date-parts': [[2020]] });
  });

  it.each([
    ['Reuters', null, [{ literal: 'Reuters' }]],
    ['Associated Press', null, [{ literal: 'Associated Press' }]],
    ['Al Jazeera Staff', 'Al Jazeera', [{ literal: 'Al Jazeera Staff' }]],
    ['The Hill', 'The Hill', [{ literal: 'The Hill' }]],
    ['Doe, Jane', null, [{ family: 'Doe', given: 'Jane' }]],
    [
      'Jane Doe, John Roe and Ann Poe',
      null,
      [
        { given: 'Jane', family: 'Doe' },
        { given: 'John', family: 'Roe' },
        { given: 'Ann', family: 'Poe' },
      ],
    ],
  ])('byline %j (outlet %j) gives %j', (author, outlet, expected) => {
    const item = toCslItem({ ...reporter, author, outlet });
    expect(item.author).toEqual(expected);
  });

  it('keeps a derived title as the bracketed description, unchanged', () => {
    expect(toCslItem(untitled).title).toBe('[After the United States signalled it would close its embassy in…]');
  });
});

describe('citePassage', () => {
  beforeAll(() => {
    warmUpCitations();
  }, 60_000);

  const cases: Array<[string, CitationStyle, Passage, string]> = [
    // Seed 004: dated; the organisation byline is the outlet (APA drops the site name, MLA the author).
    [
      '004 dated, organisation author = outlet',
      'apa',
      p004,
      lines(
        'VOA News. (2020, September 28). US Threatens to Close Embassy in Baghdad.',
        '(VOA News, 2020, para. 3)',
        Q004,
      ),
    ],
    [
      '004 dated, organisation author = outlet',
      'mla',
      p004,
      lines(
        '“US Threatens to Close Embassy in Baghdad.” VOA News, 28 Sept. 2020.',
        '(“US Threatens to Close Embassy in Baghdad,” par. 3)',
        Q004,
      ),
    ],
    [
      '004 dated, organisation author = outlet',
      'chicago',
      p004,
      lines(
        'VOA News. 2020. “US Threatens to Close Embassy in Baghdad.” VOA News, September 28, 2020.',
        '(VOA News 2020, par. 3)',
        Q004,
      ),
    ],
    // Seed 003: no author, no date.
    [
      '003 undated, no author',
      'apa',
      p003,
      lines(
        'US says it will leave Baghdad embassy if Iraq doesn’t rein in attacks: report. (n.d.). The Hill.',
        '(“US Says It Will Leave Baghdad Embassy If Iraq Doesn’t Rein in Attacks: Report,” n.d., para. 1)',
        Q003,
      ),
    ],
    [
      '003 undated, no author',
      'mla',
      p003,
      lines(
        '“US Says It Will Leave Baghdad Embassy If Iraq Doesn’t Rein in Attacks: Report.” The Hill.',
        '(“US Says It Will Leave Baghdad Embassy If Iraq Doesn’t Rein in Attacks: Report,” par. 1)',
        Q003,
      ),
    ],
    [
      '003 undated, no author',
      'chicago',
      p003,
      lines(
        'The Hill. n.d. “US Says It Will Leave Baghdad Embassy If Iraq Doesn’t Rein in Attacks: Report.”',
        '(The Hill, n.d., par. 1)',
        Q003,
      ),
    ],
    // Seed 000: no outlet, no author, dated.
    [
      '000 no outlet, no author',
      'apa',
      p000,
      lines(
        'US warns Iraq it’s planning to pull out of Baghdad embassy over inaction against militants. (2020, September 28).',
        '(US Warns Iraq It’s Planning to Pull out of Baghdad Embassy over Inaction against Militants, 2020, para. 2)',
        Q000,
      ),
    ],
    [
      '000 no outlet, no author',
      'mla',
      p000,
      lines(
        'US Warns Iraq It’s Planning to Pull out of Baghdad Embassy over Inaction against Militants. 28 Sept. 2020.',
        '(US Warns Iraq It’s Planning to Pull out of Baghdad Embassy over Inaction against Militants, par. 2)',
        Q000,
      ),
    ],
    [
      '000 no outlet, no author',
      'chicago',
      p000,
      lines(
        '“US Warns Iraq It’s Planning to Pull out of Baghdad Embassy over Inaction against Militants.” 2020. September 28, 2020.',
        '(“US Warns Iraq It’s Planning to Pull out of Baghdad Embassy over Inaction against Militants” 2020, par. 2)',
        Q000,
      ),
    ],
    // A person's byline, a URL, a month-only date.
    [
      'person author, URL, month date',
      'apa',
      pReporter,
      lines(
        'Reporter, J. Q. (2020, July). Embassy talks resume after a week of rocket attacks. Example Gazette. https://example.org/a',
        '(Reporter, 2020, para. 12)',
        '“Talks resumed on Monday.”',
      ),
    ],
    [
      'person author, URL, month date',
      'mla',
      pReporter,
      lines(
        'Reporter, Jane Q. “Embassy Talks Resume after a Week of Rocket Attacks.” Example Gazette, July 2020, https://example.org/a.',
        '(Reporter, par. 12)',
        '“Talks resumed on Monday.”',
      ),
    ],
    [
      'person author, URL, month date',
      'chicago',
      pReporter,
      lines(
        'Reporter, Jane Q. 2020. “Embassy Talks Resume after a Week of Rocket Attacks.” Example Gazette, July 2020. https://example.org/a.',
        '(Reporter 2020, par. 12)',
        '“Talks resumed on Monday.”',
      ),
    ],
    // Two people, a year-only date.
    [
      'two authors, year date',
      'apa',
      pTwoAuthors,
      lines(
        'Doe, J., & van Beethoven, L. (2020). A year of rockets. Example Gazette. https://example.org/b',
        '(Doe & van Beethoven, 2020, para. 5)',
        '“Rockets fell again.”',
      ),
    ],
    [
      'two authors, year date',
      'mla',
      pTwoAuthors,
      lines(
        'Doe, Jane, and Ludwig van Beethoven. “A Year of Rockets.” Example Gazette, 2020, https://example.org/b.',
        '(Doe and van Beethoven, par. 5)',
        '“Rockets fell again.”',
      ),
    ],
    [
      'two authors, year date',
      'chicago',
      pTwoAuthors,
      lines(
        'Doe, Jane, and Ludwig van Beethoven. 2020. “A Year of Rockets.” Example Gazette, 2020. https://example.org/b.',
        '(Doe and van Beethoven 2020, par. 5)',
        '“Rockets fell again.”',
      ),
    ],
    // Derived title: a description in brackets, never title-cased, quoted or italicised.
    [
      'derived title, no outlet',
      'apa',
      pUntitled,
      lines(
        '[After the United States signalled it would close its embassy in…]. (2020, September 28).',
        '([After the United States signalled it would close its embassy in…], 2020, para. 1)',
        '“After the United States signalled it would close its embassy in Baghdad, officials met.”',
      ),
    ],
    [
      'derived title, no outlet',
      'mla',
      pUntitled,
      lines(
        '[After the United States signalled it would close its embassy in…]. 28 Sept. 2020.',
        '([After the United States signalled it would close its embassy in…], par. 1)',
        '“After the United States signalled it would close its embassy in Baghdad, officials met.”',
      ),
    ],
    [
      'derived title, no outlet',
      'chicago',
      pUntitled,
      lines(
        '[After the United States signalled it would close its embassy in…]. 2020. September 28, 2020.',
        '([After the United States signalled it would close its embassy in…] 2020, par. 1)',
        '“After the United States signalled it would close its embassy in Baghdad, officials met.”',
      ),
    ],
    [
      'derived title, outlet, undated',
      'apa',
      pUntitledWithOutlet,
      lines(
        '[Iraqi officials said on Sunday that the embassy would stay…]. (n.d.). Example News.',
        '([Iraqi officials said on Sunday that the embassy would stay…], n.d., para. 4)',
        '“The embassy stays open.”',
      ),
    ],
    [
      'derived title, outlet, undated',
      'mla',
      pUntitledWithOutlet,
      lines(
        '[Iraqi officials said on Sunday that the embassy would stay…]. Example News.',
        '([Iraqi officials said on Sunday that the embassy would stay…], par. 4)',
        '“The embassy stays open.”',
      ),
    ],
    [
      'derived title, outlet, undated',
      'chicago',
      pUntitledWithOutlet,
      lines(
        'Example News. n.d. [Iraqi officials said on Sunday that the embassy would stay…].',
        '(Example News, n.d., par. 4)',
        '“The embassy stays open.”',
      ),
    ],
  ];

  it.each(cases)('%s — %s', (_name, style, cited, expected) => {
    expect(citePassage(cited, style)).toBe(expected);
  });

  it('writes a BibTeX @article entry keyed by the passage, with paragraph and passage id in the note', () => {
    expect(citePassage(p004, 'bibtex')).toBe(
      [
        '@article{dossier_74ef57_855d3b,',
        '\tauthor = {{VOA News}},',
        '\tjournal = {VOA News},',
        '\tyear = {2020},',
        '\tmonth = sep,',
        '\tday = {28},',
        '\tnote = {Paragraph 3, Dossier passage 74ef57-855d3b},',
        '\ttitle = {US {Threatens} to {Close} {Embassy} in {Baghdad}},',
        '}',
      ].join('\n'),
    );
  });

  it('leaves unknown fields out of BibTeX, and writes @misc for an article with no outlet', () => {
    expect(citePassage(p003, 'bibtex')).toBe(
      [
        '@article{dossier_701650_370551,',
        '\tjournal = {The Hill},',
        '\tnote = {Paragraph 1, Dossier passage 701650-370551},',
        "\ttitle = {US says it will leave {Baghdad} embassy if {Iraq} doesn't rein in attacks: report},",
        '}',
      ].join('\n'),
    );
    expect(citePassage(p000, 'bibtex')).toBe(
      [
        '@misc{dossier_495c20_1b995a,',
        '\tyear = {2020},',
        '\tmonth = sep,',
        '\tday = {28},',
        '\tnote = {Paragraph 2, Dossier passage 495c20-1b995a},',
        "\ttitle = {US warns {Iraq} it's planning to pull out of {Baghdad} embassy over inaction against militants},",
        '}',
      ].join('\n'),
    );
  });

  it('writes CSL-JSON: the item with a note and the paragraph as locator', () => {
    const citation = citePassage(pReporter, 'csl-json');
    expect(JSON.parse(citation)).toEqual({
      ...toCslItem(reporter),
      note: 'Paragraph 12, Dossier passage fa4e01-3fa2c1',
      locator: '12',
      label: 'paragraph',
    });
    expect(
      citation.startsWith('{\n  "id": "fa4e01",\n  "citation-key": "dossier_fa4e01",\n  "type": "article-newspaper",'),
    ).toBe(true);
  });

  it('returns the same text for the same passage every time', () => {
    const again = passage(seed004, p004.id, p004.paragraph, p004.text);
    expect(citePassage(again, 'chicago')).toBe(citePassage(p004, 'chicago'));
    expect(citePassage(p004, 'chicago')).toBe(citePassage(p004, 'chicago'));
  });

  it.each([
    ['He said "no" twice.', '“He said ‘no’ twice.”'],
    ['"Quoted" at the start', '“‘Quoted’ at the start”'],
    ['A (“curly”) one and a straight "one".', '“A (‘curly’) one and a straight ‘one’.”'],
    ['Nothing to change, it’s plain.', '“Nothing to change, it’s plain.”'],
  ])('quotes %j as %j', (text, quoted) => {
    expect(citePassage(passage(reporter, `fa4e01-${text.length}`, 1, text), 'apa').split('\n')[2]).toBe(quoted);
  });
});

describe('bibliography', () => {
  const require = createRequire(import.meta.url);
  const parse = (text: string): Record<string, unknown>[] => {
    const core = require('@citation-js/core') as typeof CitationJs;
    require('@citation-js/plugin-bibtex');
    return core.plugins.input.chain(text, { generateGraph: false });
  };

  it('exports BibTeX that parses back to one entry per source, with unique keys and the same titles', () => {
    const text = bibliography(ALL_SOURCES, 'bibtex');
    const entries = parse(text);
    expect(entries).toHaveLength(ALL_SOURCES.length);
    const keys = entries.map((entry) => entry['citation-key']);
    expect(new Set(keys).size).toBe(ALL_SOURCES.length);
    expect(keys).toEqual(ALL_SOURCES.map((source) => `dossier_${source.id}`));
    expect(entries.map((entry) => entry.title)).toEqual(ALL_SOURCES.map((source) => source.title.replace('…', '...')));
    expect(entries[0]?.issued).toEqual({ 'date-parts': [[2020, 9, 28]] });
    expect(text.match(/^@(article|misc)\{/gm)).toHaveLength(ALL_SOURCES.length);
  });

  it('exports CSL-JSON as a valid JSON array of the sources’ items', () => {
    const parsed: unknown = JSON.parse(bibliography(ALL_SOURCES, 'csl-json'));
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toEqual(ALL_SOURCES.map((source) => toCslItem(source)));
  });

  it('keeps keys unique when two sources share an id', () => {
    const twin = { ...reporter, title: 'Another article' };
    expect(parse(bibliography([reporter, twin], 'bibtex')).map((entry) => entry['citation-key'])).toEqual([
      'dossier_fa4e01',
      'dossier_fa4e01_2',
    ]);
    const items = JSON.parse(bibliography([reporter, twin], 'csl-json')) as CslItem[];
    expect(items.map((item) => item.id)).toEqual(['fa4e01', 'fa4e01-2']);
  });

  it('renders a text style as the style’s sorted reference list, one entry a line', () => {
    expect(bibliography(ALL_SOURCES, 'apa')).toBe(
      lines(
        '[After the United States signalled it would close its embassy in…]. (2020, September 28).',
        'Doe, J., & van Beethoven, L. (2020). A year of rockets. Example Gazette. https://example.org/b',
        '[Iraqi officials said on Sunday that the embassy would stay…]. (n.d.). Example News.',
        'Reporter, J. Q. (2020, July). Embassy talks resume after a week of rocket attacks. Example Gazette. https://example.org/a',
        'US says it will leave Baghdad embassy if Iraq doesn’t rein in attacks: report. (n.d.). The Hill.',
        'US warns Iraq it’s planning to pull out of Baghdad embassy over inaction against militants. (2020, September 28).',
        'VOA News. (2020, September 28). US Threatens to Close Embassy in Baghdad.',
      ),
    );
    expect(bibliography(ALL_SOURCES, 'chicago').split('\n')).toHaveLength(ALL_SOURCES.length);
    expect(bibliography(ALL_SOURCES, 'mla').split('\n')).toContain(
      '“US Threatens to Close Embassy in Baghdad.” VOA News, 28 Sept. 2020.',
    );
  });

  it('gives empty output for no sources', () => {
    expect(bibliography([], 'apa')).toBe('');
    expect(bibliography([], 'bibtex')).toBe('');
    expect(bibliography([], 'csl-json')).toBe('[]');
  });
});
