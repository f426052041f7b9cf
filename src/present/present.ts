import type {
  AskResult,
  CiteResult,
  CommandResult,
  CorpusResult,
  ExportResult,
  HelpResult,
  TimelineResult,
} from '../commandKit/results.ts';
import type { Hit } from '../search/engine.ts';
import { answerKindOf } from '../search/answerKind.ts';
import { answeringSentence, sameFacts } from './answer.ts';
import { dateLabel, displayTitle, outletLabel, sourceLine } from './labels.ts';
import { STYLE_LABELS } from '../cite/index.ts';
import { eventSources, type EntryItem, type EventLine, type PassageItem, type Syntax, type View } from './view.ts';

/** Turns any command result into the View every adapter draws. */
export function present(result: CommandResult): View {
  switch (result.kind) {
    case 'ask':
      return presentAsk(result);
    case 'timeline':
      return presentTimeline(result);
    case 'cite':
      return presentCite(result);
    case 'export':
      return presentExport(result);
    case 'sources':
      return {
        tone: 'info',
        title: `${result.sources.length} articles`,
        items: result.sources.map(({ source, passages }) => ({
          kind: 'entry',
          heading: sourceLine(source, 200),
          body: `id ${source.id} · ${passages} passages · ${source.file}${source.titleOrigin === 'derived' ? ' · untitled' : ''}`,
        })),
        ...(result.errors.length > 0
          ? { footer: `Not loaded: ${result.errors.map((error) => `${error.file} ${error.message}`).join('; ')}` }
          : {}),
      };
    case 'help':
      return {
        tone: 'info',
        title: 'Dossier answers questions about the news story in its articles',
        notice: storyLine(result.story),
        items: result.commands.map((definition) => ({
          kind: 'entry',
          heading: `/${definition.name}`,
          body: `${definition.description}.${definition.subcommands ? ` Subcommands: ${definition.subcommands.map((sub) => sub.name).join(', ')}.` : ''} Example: ${definition.example}`,
        })),
      };
    case 'corpus':
      return presentCorpus(result);
  }
}

/** Outlets named in the story's line; the others are counted. */
const STORY_OUTLETS = 4;

/** "5 articles, Sep 28, 2020 – Sep 29, 2020: VOA News, The Hill and 3 other sources." */
function storyLine(story: HelpResult['story']): string {
  const span =
    story.from && story.to
      ? story.from.value === story.to.value
        ? `, ${dateLabel(story.from)}`
        : `, ${dateLabel(story.from)} – ${dateLabel(story.to)}`
      : '';
  const named = story.outlets.slice(0, STORY_OUTLETS);
  // Each article of no stated outlet is a source of its own.
  const others = story.outlets.length - named.length + story.unnamed;
  const outlets =
    named.length === 0
      ? ''
      : `: ${named.join(', ')}${others > 0 ? ` and ${others} other ${others === 1 ? 'source' : 'sources'}` : ''}`;
  return `${story.articles} articles${span}${outlets}.`;
}

const CORPUS_TITLES: Record<CorpusResult['action'], string> = {
  status: 'Corpus',
  reload: 'Reloaded',
  add: 'Article added',
  replace: 'Article replaced',
  remove: 'Removed',
  meta: 'Metadata corrected',
};

/** "2020-09-28 14:05:09 UTC": the same for every reader, whatever their time zone. */
function utcLabel(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Status: what is answering and what could not load. A change: what it did, the files that changed, and the same. */
function presentCorpus(result: CorpusResult): View {
  const unchanged = result.rebuilt === false;
  const loaded: EntryItem = {
    kind: 'entry',
    heading: result.action === 'status' || unchanged ? 'Answering from' : 'Now answering from',
    times: [{ text: utcLabel(result.loadedAt), at: result.loadedAt }],
    body: `${result.sources} articles, ${result.passages} passages, loaded ${utcLabel(result.loadedAt)}${result.ms !== null ? ` (rebuilt in ${result.ms} ms)` : ''}${unchanged ? '\nThe folder lists as this index was built from (names, sizes, times), so nothing was rebuilt.' : ''}${result.reloading ? '\nA reload is under way.' : ''}`,
  };
  const items: EntryItem[] = [loaded];
  if (result.changes) {
    const { added, removed, changed } = result.changes;
    const lines = [
      ...(added.length > 0 ? [`Added: ${added.join(', ')}`] : []),
      ...(removed.length > 0 ? [`Removed: ${removed.join(', ')}`] : []),
      ...(changed.length > 0 ? [`Changed: ${changed.join(', ')}`] : []),
    ];
    items.push({
      kind: 'entry',
      heading: 'Files since the last build',
      body: lines.length > 0 ? lines.join('\n') : 'None added, removed or changed.',
    });
  }
  if (result.errors.length > 0) {
    items.push({
      kind: 'entry',
      heading: `Not loaded (${result.errors.length})`,
      body: result.errors.map((error) => `${error.file} ${error.message}`).join('\n'),
    });
  }
  return {
    tone: 'info',
    title:
      result.action === 'status'
        ? `Corpus: ${result.sources} articles, ${result.passages} passages`
        : unchanged
          ? 'Already up to date'
          : CORPUS_TITLES[result.action],
    ...(result.edit ? { notice: result.edit.summary } : {}),
    items,
  };
}

function presentAsk(result: AskResult): View {
  const { search } = result;
  const notice = [
    search.corrections.length > 0
      ? `Read ${search.corrections.map((c) => `“${c.from}” as “${c.to}”`).join(', ')}.`
      : '',
    search.unknownWords.length > 0
      ? `Not in any article: ${search.unknownWords.map((word) => `“${word}”`).join(', ')}.`
      : '',
    search.ignoredWords && search.ignoredWords.length > 0
      ? `Answered without ${search.ignoredWords.map((word) => `“${word}”`).join(', ')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (search.hits.length === 0) {
    const filtered = result.filters.from || result.filters.to || result.filters.sourceId;
    return {
      tone: 'empty',
      title: result.offset > 0 ? 'No more passages' : 'No passage answers that',
      ...(notice ? { notice } : {}),
      items: [],
      hint: filtered
        ? 'Try without the date range or source, or ask in other words.'
        : 'Try other words (names, places, what happened), or see /sources for what the articles cover.',
    };
  }
  return {
    tone: 'answer',
    title: result.query,
    ...(notice ? { notice } : {}),
    items: passageItems(search.hits, result.query),
    firstNumber: result.offset + 1,
    ...pages(result.offset, result.limit, result.total),
  };
}

/**
 * The passages of an answer, each with its answering sentence, and the articles that state the
 * same fact: the same paragraph republished, or another passage of the page in other words (which
 * `repeats` the first, so a summary names it once with how many articles report it).
 */
function passageItems(hits: readonly Hit[], question: string): PassageItem[] {
  const kind = answerKindOf(question);
  const answers = hits.map((hit) => answeringSentence(hit, kind));
  const repeats = sameFacts(
    hits.map((hit, index) => hit.passage.text.slice(answers[index]!.start, answers[index]!.end)),
  );
  return hits.map((hit, index) => {
    const { passage } = hit;
    const tellers = [hit, ...hits.filter((_, other) => repeats[other] === index)].flatMap((teller) => [
      teller.passage.source,
      ...teller.alsoIn,
    ]);
    const others = [
      ...new Map(
        tellers.filter((source) => source.id !== passage.source.id).map((source) => [source.id, source]),
      ).values(),
    ];
    return {
      kind: 'passage',
      passageId: passage.id,
      byline: `${outletLabel(passage.source)} · ${dateLabel(passage.source.date)}`,
      outlet: outletLabel(passage.source),
      date: dateLabel(passage.source.date),
      title: displayTitle(passage.source),
      paragraph: passage.paragraph,
      quote: passage.text,
      answer: answers[index]!,
      alsoIn: hit.alsoIn.map((source) => sourceLine(source)),
      alsoReportedBy: others.map(outletLabel),
      repeats: repeats[index]!,
    };
  });
}

/** Where the pages before and after start, and which page this is of how many: for a request shown a page at a time. */
function pages(offset: number, limit: number, total: number): Pick<View, 'nextOffset' | 'previousOffset' | 'page'> {
  const count = Math.max(1, Math.ceil(total / limit));
  return {
    ...(offset + limit < total ? { nextOffset: offset + limit } : {}),
    ...(offset > 0 ? { previousOffset: Math.max(0, offset - limit) } : {}),
    ...(count > 1 ? { page: { number: Math.floor(offset / limit) + 1, count } } : {}),
  };
}

/** Events grouped under their date, in the order asked; each date's sentences whole, then the outlets and passage ids they come from, once. */
function presentTimeline(result: TimelineResult): View {
  const groups = new Map<string, EventLine[]>();
  for (const event of result.events) {
    const heading = dateLabel({ value: event.date, precision: event.precision });
    const outlets = [...new Set([event.passage, ...event.alsoIn].map((passage) => outletLabel(passage.source)))].join(
      ', ',
    );
    groups.set(heading, [...(groups.get(heading) ?? []), { text: event.text, outlets, passageId: event.passage.id }]);
  }
  const about = result.topic ? ` about “${result.topic}”` : '';
  if (result.events.length === 0) {
    if (result.offset > 0 && result.total > 0)
      return {
        tone: 'empty',
        title: `No more events${about}`,
        items: [],
        hint: `The timeline has ${result.total} events; this page starts after the last.`,
      };
    return {
      tone: 'empty',
      title: `No dated events${about}`,
      items: [],
      hint: 'Try a broader topic or a wider date range, or /timeline with no topic.',
    };
  }
  const first = result.offset + 1;
  const last = result.offset + result.events.length;
  const whole = first === 1 && last === result.total;
  return {
    tone: 'answer',
    title: whole
      ? `Timeline${about}: ${result.total} events`
      : `Timeline${about}: events ${first}–${last} of ${result.total}`,
    items: [...groups].map(([heading, events]) => ({
      kind: 'entry',
      heading,
      body: [
        ...events.map((line) => `• ${line.text}`),
        `— ${eventSources(events)
          .map((source) => `${source.outlets} · ${source.passageIds.join(', ')}`)
          .join('; ')}`,
      ].join('\n'),
      events,
    })),
    footer: `${result.order === 'newest' ? 'Latest first' : 'Earliest first'}. Dates are when events happened, as precise as the articles say (day, month or year).`,
    ...(result.limit !== null ? pages(result.offset, result.limit, result.total) : {}),
    ...(result.more ? { nextOffset: last, nextLabel: 'More events' } : {}),
  };
}

/** A citation to paste, alone; for a text style, its in-text citation and the quotation apart. */
function presentCite(result: CiteResult): View {
  const { passage, parts } = result;
  const title = `${STYLE_LABELS[result.style]} citation · ${outletLabel(passage.source)} · ¶${passage.paragraph}`;
  if (!parts)
    return {
      tone: 'info',
      title,
      items: [],
      paste: { text: result.citation, syntax: result.style === 'bibtex' ? 'bibtex' : 'json' },
    };
  return {
    tone: 'info',
    title,
    paste: { text: parts.reference, syntax: 'text' },
    items: [
      { kind: 'entry', heading: 'In-text', body: parts.inText },
      { kind: 'entry', heading: 'Quote', body: parts.quotation },
    ],
  };
}

const EXPORT_FILES: Record<ExportResult['format'], string> = {
  bibtex: 'dossier.bib',
  'csl-json': 'dossier.json',
  apa: 'dossier-apa.txt',
  mla: 'dossier-mla.txt',
  chicago: 'dossier-chicago.txt',
};

const EXPORT_SYNTAX: Record<ExportResult['format'], Syntax> = {
  bibtex: 'bibtex',
  'csl-json': 'json',
  apa: 'text',
  mla: 'text',
  chicago: 'text',
};

function presentExport(result: ExportResult): View {
  return {
    tone: 'info',
    title: `Bibliography of ${result.sources} articles (${STYLE_LABELS[result.format]})`,
    items: [
      {
        kind: 'entry',
        heading: EXPORT_FILES[result.format],
        body: result.bibliography,
        preformatted: true,
        syntax: EXPORT_SYNTAX[result.format],
      },
    ],
    file: { name: EXPORT_FILES[result.format], text: result.bibliography },
  };
}
