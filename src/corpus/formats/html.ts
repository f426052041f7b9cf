import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { FormatError, type ArticleFormat, type StatedMeta } from './types.ts';

/**
 * A saved web page. Readability (the engine of Firefox's Reader View) finds the article in it and
 * drops the page around it: navigation, header, footer, ads, share boxes. Its paragraphs become
 * paragraphs separated by blank lines, and the general cleaning stages do the rest, as for every
 * other format. Title, byline, site name, publication time and canonical URL are stated metadata.
 */

/** The little of the DOM this module reads; linkedom's nodes have it. */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
interface DomElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  readonly children: ArrayLike<DomElement>;
  remove(): void;
}
interface DomText {
  data: string;
}
interface DomDocument {
  readonly documentElement: DomElement;
  createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): DomText | null };
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/** A class or id naming an ad slot or a promotion: "ad", "ads", "ad-slot", "top-ad", "div-gpt-ad-123", "sponsored", "promo-box". */
const AD_NAME =
  /^(?:ads?|adverts?|advertisement|advertising|adslot|sponsor(?:ed)?|promo|newsletter|paywall)$|^(?:ad|sponsor(?:ed)?|promo|newsletter|paywall)-.|.-ads?$|gpt-ad/i;

/** Removes ad slots and promotions, which Readability keeps when they hold a sentence or two. */
function dropAds(document: DomDocument): void {
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
      .split(/\s+/)
      .filter(Boolean);
    if (names.some((name) => AD_NAME.test(name))) element.remove();
  }
}

/**
 * Deeper than the markup of any real page. Readability takes time cubic in the depth (a page
 * nested 500 deep takes seconds, 2,000 deep minutes), so below this depth an element keeps only
 * its text.
 */
const MAX_DEPTH = 64;

/** Turns every element at MAX_DEPTH into its text alone (linkedom reads and sets text without recursion). */
function flattenDeepMarkup(document: DomDocument): void {
  const stack: Array<readonly [DomElement, number]> = [[document.documentElement, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth === MAX_DEPTH) {
      // biome-ignore lint/correctness/noSelfAssign: setting an element's text replaces its children with that text, flattening the subtree.
      if (element.children.length > 0) element.textContent = element.textContent;
      continue;
    }
    // Read once: linkedom builds the list anew on each access, which in a loop is quadratic.
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
}

/**
 * Characters that markup escapes, each with a stand-in from Unicode's private use area.
 * Readability copies the page by writing its HTML and reading it back, and linkedom reads each
 * escaped character back as a text node of its own: a page of "<" took seconds per 100 KB.
 * Text nodes carry the stand-ins through Readability; `unshielded` puts the characters back.
 */
const SHIELDS: Readonly<Record<string, string>> = { '<': '\uE000', '>': '\uE001', '&': '\uE002' };
const UNSHIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SHIELDS).map(([char, shield]) => [shield, char]),
);

function shieldEscapedCharacters(document: DomDocument): void {
  const SHOW_TEXT = 4;
  const walker = document.createTreeWalker(document.documentElement, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/[<>&]/.test(node.data)) node.data = node.data.replace(/[<>&]/g, (char) => SHIELDS[char]!);
  }
}

function unshielded(value: string): string {
  return value.replace(/[\uE000-\uE002]/g, (shield) => UNSHIELDS[shield]!);
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose text is never article text (a photo caption is furniture; the cleaning would drop most anyway). */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'FIGCAPTION',
  'OBJECT',
  'CANVAS',
]);

/** The article's paragraphs as text: one per block element, blank lines between, `<br>` as a line break. */
function blocksToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (text) paragraphs.push(text);
    current = '';
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return unshielded(paragraphs.join('\n\n'));
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value === null || value === undefined ? undefined : unshielded(value).replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

/** "By Jane Doe" → "Jane Doe"; a byline that is only a date or a URL is not an author. */
function author(byline: string | null | undefined): string | undefined {
  const name = text(byline)?.replace(/^by\s+/i, '');
  if (!name || /^https?:\/\//.test(name) || /^\d{4}-\d{2}/.test(name)) return undefined;
  return name;
}

/** An ISO timestamp "2020-09-28T10:00:00Z" is stated as its day; anything else is left to the date parser. */
function publishedDate(value: string | null | undefined): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  return /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(raw)?.[1] ?? raw;
}

function looseKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The headline: the page's own <h1> when the <title> carries it (titles add " | Site Name"), else
 * the <title> without a trailing site name.
 */
function title(
  readTitle: string | undefined,
  heading: string | undefined,
  siteName: string | undefined,
): string | undefined {
  if (
    heading &&
    readTitle &&
    looseKey(readTitle).includes(looseKey(heading)) &&
    looseKey(heading).split(' ').length >= 3
  )
    return heading;
  if (readTitle && siteName) {
    const suffix = new RegExp(`[|\\-–—:»·]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
    const stripped = readTitle.replace(suffix, '').trim();
    if (stripped) return stripped;
  }
  return readTitle ?? heading;
}

function canonicalUrl(document: DomDocument): string | undefined {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates
    .map((candidate) => text(candidate))
    .find((candidate) => candidate !== undefined && /^https?:\/\/\S+$/i.test(candidate));
}

export const html: ArticleFormat = {
  name: 'html',
  extensions: ['.html', '.htm'],
  parse(source) {
    if (!/<[a-z!][^<>]*>/i.test(source))
      throw new FormatError('is not an HTML page (no tags in it); save it as .txt if it is plain text');
    let url: string | undefined;
    let heading: string | undefined;
    let article: ReturnType<Readability<DomNode>['parse']>;
    try {
      const { document } = parseHTML(source) as unknown as { document: DomDocument };
      // Read before Readability, which rewrites the document it is given.
      url = canonicalUrl(document);
      heading = text(document.querySelector('h1')?.textContent);
      flattenDeepMarkup(document);
      shieldEscapedCharacters(document);
      dropAds(document);
      article = new Readability<DomNode>(document as never, {
        serializer: (node) => node as unknown as DomNode,
        keepClasses: false,
      }).parse();
    } catch (error) {
      // A page the parsers choke on is one bad file, never a failed load of the whole corpus.
      throw new FormatError(
        `could not be read as an HTML page (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (!article?.content)
      throw new FormatError('has no article text that Readability could find (is it a page of links, or empty?)');
    const siteName = text(article.siteName);
    const stated = {
      title: title(text(article.title), heading, siteName),
      outlet: siteName,
      author: author(article.byline),
      date: publishedDate(article.publishedTime),
      url,
    };
    const meta = Object.fromEntries(Object.entries(stated).filter(([, value]) => value !== undefined)) as StatedMeta;
    return { body: blocksToText(article.content), meta };
  },
};
