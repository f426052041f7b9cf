import type { AskResult, CiteResult, CommandResult, CorpusResult, ExportResult, TimelineResult } from '../commandKit/results.ts';
import { STYLE_LABELS } from '../cite/styles.ts';
import type { Hit } from '../search/engine.ts';
import { wordOffsets } from '../search/analyzer.ts';
import { splitSentences } from '../text/sentences.ts';
import { dateLabel, outletLabel, shorten, sourceLine } from './labels.ts';
import type { EntryItem, EventLine, PassageItem, View } from './view.ts';

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
        ...(result.errors.length > 0 ? { footer: `Not loaded: ${result.errors.map((error) => `${error.file} ${error.message}`).join('; ')}` } : {}),
      };
    case 'help':
      return {
        tone: 'info',
        title: 'Dossier answers questions about the news story in its articles',
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
    items.push({ kind: 'entry', heading: 'Files since the last build', body: lines.length > 0 ? lines.join('\n') : 'None added, removed or changed.' });
  }
  if (result.errors.length > 0) {
    items.push({ kind: 'entry', heading: `Not loaded (${result.errors.length})`, body: result.errors.map((error) => `${error.file} ${error.message}`).join('\n') });
  }
  return {
    tone: 'info',
    title: result.action === 'status' ? `Corpus: ${result.sources} articles, ${result.passages} passages` : unchanged ? 'Already up to date' : CORPUS_TITLES[result.action],
    ...(result.edit ? { notice: result.edit.summary } : {}),
    items,
  };
}

function presentAsk(result: AskResult): View {
  const { search } = result;
  const notice = [
    search.corrections.length > 0 ? `Read ${search.corrections.map((c) => `“${c.from}” as “${c.to}”`).join(', ')}.` : '',
    search.unknownWords.length > 0 ? `Not in any article: ${search.unknownWords.map((word) => `“${word}”`).join(', ')}.` : '',
    search.ignoredWords && search.ignoredWords.length > 0 ? `Answered without ${search.ignoredWords.map((word) => `“${word}”`).join(', ')}.` : '',
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
    items: search.hits.map(passageItem),
    ...(search.more ? { nextOffset: result.offset + result.limit } : {}),
  };
}

/** Bolding one sentence helps only when the passage has more than one. */
function bestSentence(hit: Hit): PassageItem['emphasis'] {
  const sentences = splitSentences(hit.passage.text);
  if (sentences.length < 2 || hit.matchedPositions.length === 0) return null;
  const offsets = wordOffsets(hit.passage.text);
  const starts = hit.matchedPositions.map((position) => offsets[position]?.[0] ?? -1);
  let best: { start: number; end: number; count: number } | null = null;
  for (const sentence of sentences) {
    const end = sentence.start + sentence.text.length;
    const count = starts.filter((start) => start >= sentence.start && start < end).length;
    if (!best || count > best.count) best = { start: sentence.start, end, count };
  }
  return best && best.count > 0 ? { start: best.start, end: best.end } : null;
}

export function passageItem(hit: Hit): PassageItem {
  const { passage } = hit;
  return {
    kind: 'passage',
    passageId: passage.id,
    byline: `${outletLabel(passage.source)} · ${dateLabel(passage.source.date)}`,
    title: passage.source.title,
    paragraph: passage.paragraph,
    quote: passage.text,
    emphasis: bestSentence(hit),
    alsoIn: hit.alsoIn.map((source) => sourceLine(source)),
  };
}

/** Longest event sentence shown in a timeline line; the passage id leads to the whole text. */
const EVENT_TEXT_LENGTH = 160;

/** Events grouped under their date, oldest first; each line names its outlet and passage id. */
function presentTimeline(result: TimelineResult): View {
  const groups = new Map<string, EventLine[]>();
  for (const event of result.events) {
    const heading = dateLabel({ value: event.date, precision: event.precision });
    const outlets = [...new Set([event.passage, ...event.alsoIn].map((passage) => outletLabel(passage.source)))].join(', ');
    groups.set(heading, [...(groups.get(heading) ?? []), { text: event.text, outlets, passageId: event.passage.id }]);
  }
  const about = result.topic ? ` about “${result.topic}”` : '';
  if (result.events.length === 0) {
    if (result.offset > 0 && result.total > 0) return { tone: 'empty', title: `No more events${about}`, items: [], hint: `The timeline has ${result.total} events; this page starts after the last.` };
    return { tone: 'empty', title: `No dated events${about}`, items: [], hint: 'Try a broader topic or a wider date range, or /timeline with no topic.' };
  }
  const first = result.offset + 1;
  const last = result.offset + result.events.length;
  const whole = first === 1 && last === result.total;
  return {
    tone: 'answer',
    title: whole ? `Timeline${about}: ${result.total} events` : `Timeline${about}: events ${first}–${last} of ${result.total}`,
    items: [...groups].map(([heading, events]) => ({
      kind: 'entry',
      heading,
      body: events.map((line) => `${shorten(line.text, EVENT_TEXT_LENGTH)} — ${line.outlets} · ${line.passageId}`).join('\n'),
      events,
    })),
    footer: 'Dates are when events happened, as precise as the articles say (day, month or year).',
    ...(result.more ? { nextOffset: last, nextLabel: 'More events' } : {}),
  };
}

function presentCite(result: CiteResult): View {
  const { passage } = result;
  return {
    tone: 'info',
    title: `${STYLE_LABELS[result.style]} citation of ${passage.id}`,
    items: [{ kind: 'entry', heading: `${sourceLine(passage.source, 200)} · ¶${passage.paragraph}`, body: result.citation, preformatted: result.style === 'bibtex' || result.style === 'csl-json' }],
  };
}

const EXPORT_FILES: Record<ExportResult['format'], string> = { bibtex: 'dossier.bib', 'csl-json': 'dossier.json', apa: 'dossier-apa.txt', mla: 'dossier-mla.txt', chicago: 'dossier-chicago.txt' };

function presentExport(result: ExportResult): View {
  return {
    tone: 'info',
    title: `Bibliography of ${result.sources} articles (${result.format})`,
    items: [{ kind: 'entry', heading: EXPORT_FILES[result.format], body: result.bibliography, preformatted: true }],
    file: { name: EXPORT_FILES[result.format], text: result.bibliography },
  };
}
