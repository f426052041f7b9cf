/**
 * Dependencies go one way: adapters → app → commands → engine. The adapters (src/adapters) read
 * input and draw results; the app (src/app) is the composition root that hands the command list
 * to dispatch and to the adapters; the commands (commands/) are definitions and handlers; the
 * engine is everything else under src/ (corpus, search, timeline, cite, present, contract, the
 * command kit, …). src/main.ts starts the program and may wire anything. Every import of every
 * .ts file is read with the TypeScript compiler (static, `export … from`, `import type` and
 * dynamic `import()`), resolved to a file, and checked against its layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Layer = 'entry' | 'adapters' | 'app' | 'commands' | 'engine' | 'tools';

const ROOT = resolve(import.meta.dirname, '..');

const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  entry: ['entry', 'adapters', 'app', 'commands', 'engine'],
  adapters: ['adapters', 'app', 'engine'],
  app: ['app', 'commands', 'engine'],
  commands: ['commands', 'engine'],
  engine: ['engine'],
  // Benchmarks measure the engine through the app's wiring, as the programs run it.
  tools: ['tools', 'app', 'engine'],
};

function layerOf(file: string): Layer | null {
  if (file === 'src/main.ts') return 'entry';
  if (file.startsWith('src/adapters/')) return 'adapters';
  if (file.startsWith('src/app/')) return 'app';
  if (file.startsWith('commands/')) return 'commands';
  if (file.startsWith('src/')) return 'engine';
  if (file.startsWith('bench/')) return 'tools';
  return null;
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** The project files a file imports (relative specifiers only: packages have no layer). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)));
}

const FILES = ['src', 'commands', 'bench'].flatMap(tsFiles);

function wrongWay(): string[] {
  const found: string[] = [];
  for (const file of FILES) {
    const layer = layerOf(file)!;
    for (const target of importsOf(file)) {
      const targetLayer = layerOf(target);
      if (targetLayer === null || MAY_IMPORT[layer].includes(targetLayer)) continue;
      found.push(`${file} (${layer}) imports ${target} (${targetLayer})`);
    }
  }
  return found;
}

describe('the layers', () => {
  it('reads the imports of every file, of every kind', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(importsOf('src/adapters/discord/interactions.ts')).toContain('src/app/commands.ts');
    expect(importsOf('src/present/present.ts')).toContain('src/commandKit/results.ts'); // `import type`
    expect(importsOf('src/main.ts')).toContain('src/adapters/discord/runBot.ts'); // `await import()`
  });

  it('go one way: adapters → app → commands → engine', () => {
    expect(wrongWay()).toEqual([]);
  });

  it('keep handlers from knowing the transport', () => {
    const branching = tsFiles('commands').filter((file) => /\bvia\s*[!=]==?/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(branching).toEqual([]);
  });
});
