import { config as loadDotenv } from 'dotenv';
import { resolve } from 'node:path';
import { warmUpCitations } from '../cite/index.ts';
import { indexPathOf, parseConfig, type Config } from '../config.ts';
import { Library, type PersistOptions } from '../library.ts';
import { createLogger, type Logger } from '../log.ts';

/** Reads `.env` (without overriding real environment variables) and validates the result once. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true, processEnv: env as Record<string, string> });
  return parseConfig(env);
}

export function loggerFor(config: Config, fallbackLevel: 'info' | 'warn'): Logger {
  return createLogger(config.LOG_LEVEL ?? fallbackLevel);
}

/**
 * Loads the corpus the configuration names and logs what was loaded and what was refused.
 * `rebuildIn`: where reloads and edits rebuild (see PersistOptions): a worker thread for the bot and
 * the console (the default), this thread for a one-shot CLI run.
 */
export async function openLibrary(
  config: Config,
  log: Logger,
  options: Pick<PersistOptions, 'rebuildIn'> = {},
): Promise<Library> {
  const dir = resolve(config.CORPUS_DIR);
  const started = performance.now();
  const indexPath = indexPathOf(config);
  const library = await Library.open(dir, { maxArticleBytes: config.MAX_ARTICLE_BYTES }, undefined, {
    ...(indexPath ? { indexPath } : {}),
    index: config.SEARCH_INDEX,
    log,
    ...options,
  });
  const { corpus } = library.current;
  log.info(
    {
      event: 'corpus_loaded',
      dir: config.CORPUS_DIR,
      sources: corpus.sources.length,
      passages: corpus.passages.length,
      index: library.current.index.backend.name,
      errors: corpus.errors.length,
      ms: Math.round(performance.now() - started),
    },
    'corpus loaded',
  );
  for (const error of corpus.errors)
    log.warn({ event: 'corpus_file_refused', file: error.file, reason: error.message }, 'article not loaded');
  return library;
}

/**
 * What a bot does before going online, so the first askers get the speed of the rest: the
 * citation engine built, the search's word lists read and its hot code compiled. Returns how long each took.
 */
export async function warmUp(library: Library, log: Logger): Promise<{ citationsMs: number; searchMs: number }> {
  let started = performance.now();
  warmUpCitations();
  const citationsMs = Math.round(performance.now() - started);
  log.info({ event: 'citations_ready', ms: citationsMs }, 'citation engine ready');
  started = performance.now();
  await library.current.index.warmUp();
  const searchMs = Math.round(performance.now() - started);
  log.info({ event: 'search_ready', ms: searchMs }, 'search warmed up');
  return { citationsMs, searchMs };
}
