/**
 * Files shaped to make a careless reader take far longer than their size: each shape an
 * adversarial review or a ReDoS checker found against some rule of ingest (issue 16). About
 * 100 KB each, unless the shape names its own size. Shared by the test that proves each loads or
 * is refused with a reason (test/pathological-inputs.test.ts) and the benchmark that times them
 * (bench/pathological.ts).
 */
export interface PathologicalInput {
  /** What the file is, in a few words; also its row in the benchmark's table. */
  readonly shape: string;
  /** File name, whose extension picks the reader. */
  readonly file: string;
  readonly text: () => string;
}

const SIZE = 100 * 1024;

/** `unit` repeated to about `size` characters, with `head` and `tail` around it. */
function fill(unit: string, head = '', tail = '', size = SIZE): string {
  return head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;
}

/** Distinct lines made by `line(i)`, to about `size` characters. */
function lines(line: (i: number) => string, size = SIZE): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const next = line(i);
    out.push(next);
    length += next.length + 1;
  }
  return out.join('\n');
}

/** The one sentence of the deeply nested page, which must survive its nesting. */
export const NESTED_SENTENCE = 'The talks went on for several hours before anyone left the room, officials said.';

const CAPS_PROSE =
  'THE MINISTER SAID ON TUESDAY THAT TALKS WOULD RESUME NEXT WEEK IN THE CAPITAL AFTER A PAUSE OF SEVERAL MONTHS. ';

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  { shape: 'all-caps prose', file: 'caps.txt', text: () => fill(CAPS_PROSE) },
  { shape: 'one capitalised word repeated', file: 'word.txt', text: () => fill('Washington ') },
  { shape: 'a name glued to itself', file: 'glued.txt', text: () => fill('JohnSmith') },
  { shape: 'one 100 KB word', file: 'word-long.txt', text: () => fill('a') },
  { shape: 'sentence ends repeated', file: 'bangs.txt', text: () => fill('!', 'It happened') },
  { shape: 'tabs and a stray byte', file: 'tabs.txt', text: () => fill('\t', 'Text', '\u0001\t') },
  { shape: 'capitalised words, one line', file: 'capitals.txt', text: () => fill('A', 'Caption ', '') },
  { shape: "'contributed' repeated", file: 'contributed.txt', text: () => fill(' CONTRIBUTED', 'Photo') },
  { shape: "dash-quote '-_' repeated", file: 'dashes.txt', text: () => fill('-_') },
  { shape: "'(@' handles repeated", file: 'handles.txt', text: () => fill('— a (@b', 'Tweet ') },
  {
    shape: "captions glued to 'Credit:' repeated",
    file: 'credits.txt',
    text: () => fill('Fans waited.Rivals helped the club outCredit: GettyThe match ', 'Page\n'),
  },
  {
    shape: "distinct lines ending '...'",
    file: 'ellipses.txt',
    text: () => lines((i) => `Line number ${i} of the story trails off...`),
  },
  {
    shape: "WordPress '[caption' repeated, no closer",
    file: 'shortcodes.txt',
    text: () => fill('[caption ', 'Talks resume in the capital\n', `\n${NESTED_SENTENCE}`),
  },
  {
    // No paragraph at all: the whole page is the header the title is looked for in.
    shape: 'headline-like lines, no paragraph',
    file: 'headlines.txt',
    text: () => lines((i) => `Talks resume in the capital ${i}`),
  },
  {
    shape: 'a dateline on every line',
    file: 'datelines.txt',
    text: () => lines((i) => `WASHINGTON, May ${(i % 28) + 1} (Reuters) - Story ${i} said`),
  },
  {
    shape: 'dates in every sentence',
    file: 'dates.txt',
    text: () => lines((i) => `On March ${(i % 28) + 1}, ${1990 + (i % 30)} and in ${2000 + (i % 20)}, it happened.`),
  },
  { shape: "Markdown '[' repeated", file: 'brackets.md', text: () => fill('[') },
  { shape: "Markdown '![](' repeated", file: 'images.md', text: () => fill('![](') },
  { shape: "Markdown '_a ' repeated", file: 'emphasis.md', text: () => fill('_a ') },
  { shape: "Markdown '__*' and no closer", file: 'strong.md', text: () => fill('*\u0002\t', '__*', '_') },
  { shape: "Markdown '*' openers, no closer", file: 'stars.md', text: () => fill('*a\t') },
  { shape: 'Markdown rule of tabs', file: 'rule.md', text: () => fill('\t\n', '-', 'x') },
  {
    shape: 'front matter, 40,000 keys',
    file: 'keys.md',
    text: () => `---\n${lines((i) => `k${i}: v`, 40_000 * 8)}\n---\n\nThe article.\n`,
  },
  { shape: 'front matter never closed', file: 'open.md', text: () => `---\n${lines((i) => `k${i}: v`)}\n` },
  {
    shape: 'HTML nested 10,000 deep',
    file: 'nested.html',
    text: () =>
      `<html><body>${'<div>'.repeat(10_000)}<p>${NESTED_SENTENCE}</p>${'</div>'.repeat(10_000)}</body></html>`,
  },
  { shape: "HTML '<a' repeated", file: 'anchors.html', text: () => fill('<a', '<html><body>') },
  { shape: "HTML '<!--' repeated", file: 'comments.html', text: () => fill('<!--', '<html><body>') },
  { shape: "HTML '<!' repeated", file: 'bangs.html', text: () => fill('<!', '<html><body>') },
  {
    shape: 'HTML ad class names',
    file: 'classes.html',
    text: () => `<html><body><div class="${fill('gpt-ad-', 'd', '\n', SIZE - 100)}">Text</div></body></html>`,
  },
  {
    shape: 'HTML of 100 KB of paragraphs',
    file: 'paragraphs.html',
    text: () =>
      `<html><body><h1>Talks resume after a long pause</h1>${lines((i) => `<p>Paragraph ${i} of the report says the talks went on for several hours before anyone left the room.</p>`)}</body></html>`,
  },
];
