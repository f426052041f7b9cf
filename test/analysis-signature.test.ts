/**
 * A saved index is trusted while ANALYSIS_VERSION stays the same, so the version must move
 * whenever the code that makes passages and terms changes (issue 15, point 4). This test keeps a
 * signature of that code (its tokens, so formatting and comments do not count, and the versions
 * of the libraries it reads pages with) beside the version it was recorded at, and fails when
 * the code changed and the version did not. After bumping the version, record the new signature:
 *
 *   RECORD_ANALYSIS_SIGNATURE=1 npx vitest run test/analysis-signature.test.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../src/search/analysisVersion.ts';
import { ROOT, sourceFiles } from './support/sourceFiles.ts';

const RECORD = join(ROOT, 'test/golden/analysis-signature.json');

/** The code whose output a saved index holds: files to passages, passages to terms. */
const ANALYSIS_CODE = [
  'src/corpus/formats',
  'src/corpus/clean',
  'src/corpus/article.ts',
  'src/corpus/dates.ts',
  'src/corpus/corpusDates.ts',
  'src/corpus/outletFromUrl.ts',
  'src/corpus/ids.ts',
  'src/corpus/sourceIds.ts',
  'src/corpus/duplicates.ts',
  'src/text',
  'src/search/analyzer.ts',
  'src/search/stopwords.ts',
  'src/search/lexicon.ts',
];
/** Libraries whose reading of a page or a word is part of the result. */
const ANALYSIS_LIBRARIES = ['@mozilla/readability', 'linkedom', 'chrono-node', 'porter2', 'tldts', 'yaml'];

/** A file's tokens without whitespace and comments, one per line. */
function tokens(file: string): string {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    true,
    ts.LanguageVariant.Standard,
    readFileSync(join(ROOT, file), 'utf8'),
  );
  const out: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    // Read without parsing, a regex or a template may come out as several tokens: the same ones every time, all a signature needs.
    // Whether a name is exported changes nothing a saved index holds (and knip takes exports away).
    if (kind !== ts.SyntaxKind.ExportKeyword) out.push(scanner.getTokenText());
  }
  return out.join('\n');
}

function librariesInstalled(): Record<string, string> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  return Object.fromEntries(
    ANALYSIS_LIBRARIES.map((name) => [name, lock.packages[`node_modules/${name}`]?.version ?? 'missing']),
  );
}

function signature(): { files: Record<string, string>; libraries: Record<string, string>; signature: string } {
  const perFile = Object.fromEntries(
    ANALYSIS_CODE.flatMap(sourceFiles).map((file) => [
      file,
      createHash('sha256').update(tokens(file)).digest('hex').slice(0, 12),
    ]),
  );
  const libraries = librariesInstalled();
  return {
    files: perFile,
    libraries,
    signature: createHash('sha256')
      .update(JSON.stringify([perFile, libraries]))
      .digest('hex')
      .slice(0, 16),
  };
}

interface Recorded {
  readonly version: number;
  readonly signature: string;
  readonly files: Record<string, string>;
  readonly libraries: Record<string, string>;
}

describe('the analysis version', () => {
  const now = signature();
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Recorded;

  if (process.env.RECORD_ANALYSIS_SIGNATURE) {
    it('records the signature of a new version', () => {
      expect(
        ANALYSIS_VERSION,
        'bump ANALYSIS_VERSION in src/search/analysisVersion.ts before recording',
      ).toBeGreaterThan(recorded.version);
      writeFileSync(RECORD, `${JSON.stringify({ version: ANALYSIS_VERSION, ...now }, null, 1)}\n`);
    });
    return;
  }

  it('moves whenever the code that makes passages and terms changes', () => {
    const changed = [...new Set([...Object.keys(now.files), ...Object.keys(recorded.files)])].filter(
      (file) => now.files[file] !== recorded.files[file],
    );
    const libraries = ANALYSIS_LIBRARIES.filter((name) => now.libraries[name] !== recorded.libraries[name]);
    const what = [
      ...changed,
      ...libraries.map((name) => `${name} ${recorded.libraries[name]} -> ${now.libraries[name]}`),
    ];
    if (ANALYSIS_VERSION === recorded.version) {
      expect(
        what,
        `analysis changed since version ${recorded.version}: bump ANALYSIS_VERSION in src/search/analysisVersion.ts, then run RECORD_ANALYSIS_SIGNATURE=1 npx vitest run test/analysis-signature.test.ts`,
      ).toEqual([]);
    } else {
      expect.fail(
        `ANALYSIS_VERSION is ${ANALYSIS_VERSION} but the signature was recorded at ${recorded.version}: run RECORD_ANALYSIS_SIGNATURE=1 npx vitest run test/analysis-signature.test.ts`,
      );
    }
  });
});
