/**
 * Issue 16, finding 1: no regular expression of Dossier's can be made to backtrack for ages. Every
 * pattern in the source (literals, and `new RegExp` templates with their insertions as plain
 * words) and every pattern the engine's modules build as they load (from word lists) is checked by
 * recheck, a ReDoS checker: each must be proved safe, that is linear in its input.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './support/sourceFiles.ts';

const SOURCE_FOLDERS = ['src', 'commands'];
/** The engine's modules, imported with RegExp watched so the patterns they build from word lists are caught too. */
const ENGINE_FOLDERS = ['src/corpus', 'src/text', 'src/timeline', 'src/search', 'src/cite'];

interface Pattern {
  readonly source: string;
  readonly flags: string;
  /** Where it is: "file:line", or the module that built it. */
  readonly where: string;
}

/** Every source file of the folders, by its full path. */
function sourcesIn(folders: readonly string[]): string[] {
  return folders.flatMap(sourceFiles).map((file) => join(ROOT, file));
}

/** Regex literals, and `new RegExp(`…`)` templates with each `${…}` read as a word, as the source spells them. */
function writtenPatterns(file: string): Pattern[] {
  const text = readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Pattern[] = [];
  const where = (node: ts.Node): string =>
    `${relative(ROOT, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const slash = node.text.lastIndexOf('/');
      found.push({ source: node.text.slice(1, slash), flags: node.text.slice(slash + 1), where: where(node) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const template = pattern && ts.isTaggedTemplateExpression(pattern) ? pattern.template : pattern;
      const literalFlags = flags && ts.isStringLiteral(flags) ? flags.text : '';
      if (template && ts.isTemplateExpression(template)) {
        // String.raw keeps backslashes as written; a plain template has them escaped once.
        const raw = (part: { rawText?: string; text: string }): string =>
          pattern !== template ? (part.rawText ?? part.text) : part.text;
        const source = raw(template.head) + template.templateSpans.map((span) => `word${raw(span.literal)}`).join('');
        found.push({ source, flags: literalFlags, where: where(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

const built: Pattern[] = [];
const OriginalRegExp = globalThis.RegExp;

/** The file of Dossier's own source that is building a pattern, from the stack; null when a library builds it. */
function builder(): string | null {
  const frames = new Error().stack?.split('\n').slice(1) ?? [];
  const own = frames
    .map((frame) => /\((?:file:\/\/)?(\/[^)]+?):\d+:\d+\)$|at (?:file:\/\/)?(\/\S+?):\d+:\d+$/.exec(frame.trim()))
    .find((match) => match && !(match[1] ?? match[2])!.includes('/test/'));
  const file = own ? (own[1] ?? own[2])! : null;
  return file && !file.includes('/node_modules/') && file.startsWith(ROOT) ? relative(ROOT, file) : null;
}

beforeAll(async () => {
  // Watches every `new RegExp` while the engine's modules load: the ones they build from word lists.
  // Libraries' own patterns (chrono's locales) are theirs to answer for, and are not counted.
  globalThis.RegExp = new Proxy(OriginalRegExp, {
    construct(target, args: [string | RegExp, string?], newTarget) {
      const pattern = Reflect.construct(target, args, newTarget) as RegExp;
      const file = builder();
      if (file) built.push({ source: pattern.source, flags: pattern.flags, where: `built by ${file}` });
      return pattern;
    },
  });
  try {
    for (const file of sourcesIn(ENGINE_FOLDERS)) await import(file);
  } finally {
    globalThis.RegExp = OriginalRegExp;
  }
}, 60_000);

afterAll(() => {
  globalThis.RegExp = OriginalRegExp;
});

/** One entry per distinct pattern, keeping the first place it was found. */
function distinct(patterns: readonly Pattern[]): Pattern[] {
  const seen = new Map<string, Pattern>();
  for (const pattern of patterns) {
    const key = `${pattern.flags}/${pattern.source}`;
    if (!seen.has(key)) seen.set(key, pattern);
  }
  return [...seen.values()];
}

/**
 * "vulnerable (polynomial): '!'.repeat(54773)" and the like; null when recheck proves the pattern
 * safe. Its default checker falls back to fuzzing when the automaton analysis takes long (on a
 * loaded machine, sooner), and fuzzing can take a bounded repetition's work for growth: a pattern
 * it does not pass is analysed again as an automaton, given longer, whose "safe" is a proof.
 */
async function problem(pattern: Pattern): Promise<string | null> {
  let diagnostics = await check(pattern.source, pattern.flags, { timeout: 30_000 });
  if (diagnostics.status === 'safe') return null;
  const exact = await check(pattern.source, pattern.flags, { checker: 'automaton', timeout: 120_000 });
  if (exact.status === 'safe') return null;
  if (exact.status === 'vulnerable') diagnostics = exact;
  if (diagnostics.status === 'vulnerable')
    return `${pattern.where} /${pattern.source}/${pattern.flags}: ${diagnostics.complexity.type} on ${diagnostics.attack.pattern}`;
  return `${pattern.where} /${pattern.source}/${pattern.flags}: not proved safe (${diagnostics.error.kind})`;
}

describe('regular expressions', () => {
  it('the source and the patterns built at load are found', () => {
    const written = sourcesIn(SOURCE_FOLDERS).flatMap(writtenPatterns);
    // Too few would mean the scan lost its way, and the check below would pass on nothing.
    expect(written.length).toBeGreaterThan(250);
    expect(built.map((pattern) => pattern.where)).toContain('built by src/timeline/yearParser.ts');
  });

  it('each is proved linear by recheck', async () => {
    const written = sourcesIn(SOURCE_FOLDERS).flatMap(writtenPatterns);
    const problems: string[] = [];
    for (const pattern of distinct([...written, ...built])) {
      const found = await problem(pattern);
      if (found) problems.push(found);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
