import { defineCommand, type CommandContext, type UploadedFile } from '../src/commandKit/command.ts';
import type { OptionDefinition } from '../src/commandKit/definition.ts';
import type { CorpusAction, CorpusResult } from '../src/commandKit/results.ts';
import { writeAudit } from '../src/corpus/audit.ts';
import {
  META_FIELDS,
  addArticle,
  removeFile,
  replaceArticle,
  setMetadata,
  type EditOutcome,
} from '../src/corpus/edits.ts';
import { checkFileName, checkPlainName } from '../src/corpus/files.ts';
import { ARTICLE_TYPES_IN_WORDS } from '../src/corpus/formats/index.ts';
import { findSource, lookupSource } from '../src/corpus/lookup.ts';
import type { Source } from '../src/corpus/types.ts';
import { OperationalError } from '../src/errors.ts';
import { describeFailure } from '../src/failure.ts';
import type { ReloadReport, Snapshot } from '../src/library.ts';
import { sourceChoices } from '../src/present/choices.ts';

/**
 * `/corpus`: what moderators do to the articles while the bot runs. Status and reload; add,
 * replace and remove an article; correct its metadata. Every change is validated before anything
 * is written, written atomically, and followed by a rebuild that swaps in only when it succeeds
 * (see Library). Every change, refused or done, is one `corpus_audit` log line.
 */

const sourceOption = {
  name: 'source',
  kind: 'string',
  description: 'The article: its id from /sources, or its file name',
  required: true,
  positional: true,
  autocomplete: true,
  maxLength: 200,
} as const satisfies OptionDefinition;

const fileOption = {
  name: 'file',
  kind: 'attachment',
  description: `The article file: ${ARTICLE_TYPES_IN_WORDS}`,
  required: true,
  positional: true,
} as const satisfies OptionDefinition;

/** Metadata stated with an upload; written to the article's sidecar. */
const metaOptions = [
  { name: 'title', kind: 'string', description: 'Its headline, if the file does not say it', maxLength: 300 },
  { name: 'outlet', kind: 'string', description: 'Who published it (e.g. Reuters)', maxLength: 200 },
  { name: 'date', kind: 'string', description: 'When it was published: YYYY-MM-DD, YYYY-MM or YYYY', maxLength: 10 },
  { name: 'url', kind: 'string', description: 'Where it was published', maxLength: 500 },
  { name: 'author', kind: 'string', description: 'Who wrote it', maxLength: 200 },
] as const satisfies readonly OptionDefinition[];

export const corpus = defineCommand({
  definition: {
    name: 'corpus',
    slow: true,
    description: 'Moderators: see, reload and change the articles Dossier answers from',
    example: '/corpus status',
    moderatorOnly: true,
    private: true,
    options: [],
    subcommands: [
      {
        name: 'status',
        description: 'Articles and passages loaded, when, and the files that could not be',
        example: '/corpus status',
        options: [],
      },
      {
        name: 'reload',
        description: 'Read the corpus folder again and swap in the new index',
        example: '/corpus reload',
        options: [],
      },
      {
        name: 'add',
        description: `Add an article from an attached ${ARTICLE_TYPES_IN_WORDS} file`,
        example: '/corpus add file:story.html outlet:Reuters date:2020-09-28',
        options: [
          fileOption,
          {
            name: 'name',
            kind: 'string',
            description: 'Save it under this file name (default: the upload’s name)',
            maxLength: 200,
          },
          ...metaOptions,
        ],
      },
      {
        name: 'replace',
        description: 'Replace an article’s text with an attached file, keeping its id and metadata',
        example: '/corpus replace source:74ef57 file:story.txt',
        options: [sourceOption, fileOption, ...metaOptions],
      },
      {
        name: 'remove',
        description: 'Remove an article (and its metadata), or a file that could not be loaded',
        example: '/corpus remove 74ef57',
        options: [sourceOption],
      },
      {
        name: 'meta',
        description: 'Correct an article’s title, outlet, date, url or author',
        example: '/corpus meta 74ef57 outlet The Hill',
        options: [
          sourceOption,
          {
            name: 'field',
            kind: 'string',
            description: 'What to correct',
            required: true,
            positional: true,
            choices: META_FIELDS,
          },
          {
            name: 'value',
            kind: 'string',
            description: 'The right value; "unknown" if nobody knows, "reset" to take it from the text',
            required: true,
            positional: true,
            maxLength: 500,
          },
        ],
      },
    ],
  },
  async run(args, context): Promise<CorpusResult> {
    const { library } = context;
    const limits = { maxArticleBytes: library.loadOptions.maxArticleBytes };
    const onProgress = context.progress;
    const progress = onProgress ? { onProgress } : {};
    switch (args.subcommand) {
      case 'status':
        return result('status', library.current, library.reloading, null);
      case 'reload':
        return audited(context, 'reload', null, async () => {
          const report = await library.reload(progress);
          return result('reload', report.snapshot, false, report);
        });
      case 'add': {
        const meta = { title: args.title, outlet: args.outlet, date: args.date, url: args.url, author: args.author };
        return audited(context, 'add', args.name ?? context.uploads?.describe?.(args.file) ?? args.file, async () => {
          const upload = await readUpload(context, args.file, limits.maxArticleBytes);
          const name = args.name ?? upload.name;
          const { value, report } = await library.edit(
            (snapshot) => addArticle(library.dir, snapshot.corpus, { name, bytes: upload.bytes, meta }, limits),
            progress,
          );
          return result('add', report.snapshot, false, report, value);
        });
      }
      case 'replace': {
        const meta = { title: args.title, outlet: args.outlet, date: args.date, url: args.url, author: args.author };
        return audited(
          context,
          'replace',
          `${args.source} ← ${context.uploads?.describe?.(args.file) ?? args.file}`,
          async () => {
            findArticle(library.current, args.source);
            const upload = await readUpload(context, args.file, limits.maxArticleBytes);
            const { value, report } = await library.edit(
              async (snapshot) =>
                replaceArticle(
                  library.dir,
                  snapshot.corpus,
                  findArticle(snapshot, args.source),
                  { ...upload, meta },
                  limits,
                ),
              progress,
            );
            return result('replace', report.snapshot, false, report, value);
          },
        );
      }
      case 'remove':
        return audited(context, 'remove', args.source, async () => {
          const { value, report } = await library.edit(
            async (snapshot) =>
              removeFile(library.dir, snapshot.corpus, findTarget(snapshot, args.source, library.dir)),
            { ...progress, allowEmpty: true },
          );
          return result('remove', report.snapshot, false, report, value);
        });
      case 'meta':
        return audited(context, 'meta', args.source, async () => {
          const { value, report } = await library.edit(
            async (snapshot) =>
              setMetadata(
                library.dir,
                snapshot.corpus,
                findArticle(snapshot, args.source),
                args.field,
                args.value,
                limits,
              ),
            progress,
          );
          return result('meta', report.snapshot, false, report, value);
        });
    }
  },
  complete(option, partial, context) {
    return option === 'source' ? sourceChoices(context.library.current, partial) : [];
  },
});

function result(
  action: CorpusAction,
  snapshot: Snapshot,
  reloading: boolean,
  report: ReloadReport | null,
  edit: EditOutcome | null = null,
): CorpusResult {
  const { corpus } = snapshot;
  return {
    kind: 'corpus',
    action,
    sources: corpus.sources.length,
    passages: corpus.passages.length,
    loadedAt: snapshot.loadedAt,
    errors: corpus.errors,
    index: snapshot.index.backend.name,
    reloading,
    changes: report?.changes ?? null,
    rebuilt: report?.rebuilt ?? null,
    edit,
    ms: report?.rebuilt ? report.ms : null,
  };
}

async function readUpload(context: CommandContext, reference: string, maxBytes: number): Promise<UploadedFile> {
  if (!context.uploads)
    throw new OperationalError(
      'no_uploads',
      'This way of running Dossier cannot take a file; add it from Discord or the CLI.',
    );
  return context.uploads.read(reference, { maxBytes });
}

/**
 * The article a moderator named by source id or file name. A name that names nothing is checked
 * as a file name first, so a path (`../x`) is told why it never could.
 */
function findArticle(snapshot: Snapshot, name: string): Source {
  if (lookupSource(snapshot, name).kind === 'none') checkFileName(name, '.');
  return findSource(snapshot, name);
}

/** What `/corpus remove` may remove: an article, or a file the corpus lists as not loaded. */
function findTarget(snapshot: Snapshot, name: string, dir: string): Source | string {
  const found = lookupSource(snapshot, name);
  // As listed, not renormalised: it is removed under the name it has on disk.
  if (found.kind === 'refused') return checkPlainName(found.refused.file, dir);
  return findArticle(snapshot, name);
}

/** Runs a change and writes its `corpus_audit` line (see src/corpus/audit.ts), done or not. */
async function audited(
  context: CommandContext,
  action: CorpusAction,
  target: string | null,
  work: () => Promise<CorpusResult>,
): Promise<CorpusResult> {
  const base = {
    who: context.invoker.userId ?? context.invoker.via,
    via: context.invoker.via,
    action,
    target,
    at: new Date(),
  };
  try {
    const done = await work();
    if (context.log)
      writeAudit(context.log, {
        ...base,
        result: 'ok',
        summary: done.edit?.summary ?? null,
        changes: done.changes,
        sources: done.sources,
        passages: done.passages,
        errors: done.errors.length,
        ms: done.ms,
      });
    return done;
  } catch (error) {
    const failure = describeFailure(error);
    const cause = error instanceof OperationalError ? error.cause : undefined;
    if (context.log)
      writeAudit(context.log, {
        ...base,
        result: failure.exitCode === 2 ? 'refused' : 'failed',
        code: failure.code,
        reason: failure.message,
        ...(failure.unexpected ? { err: error } : cause ? { err: cause } : {}),
      });
    throw error;
  }
}
