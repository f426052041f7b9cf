import { PERSON_NAME } from './draft.ts';
import { NEWS_AGENCIES, PHOTO_SERVICES } from './vocabulary.ts';

/** Lower case, letters and digits only, one space: how names in credits are compared. */
function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every way of writing an agency -> the name it is shown by. */
const AGENCY_BY_KEY: ReadonlyMap<string, string> = new Map(
  NEWS_AGENCIES.flatMap(([name, ...aliases]) => [name, ...aliases].map((alias) => [nameKey(alias), name] as const)),
);
const SERVICE_KEYS: ReadonlySet<string> = new Set([...PHOTO_SERVICES.map(nameKey), ...AGENCY_BY_KEY.keys()]);

/** The agency a credit names, by the name it is shown by ("the associated press" -> "AP"), or null. */
export function agencyNamed(text: string): string | null {
  const key = nameKey(text);
  return AGENCY_BY_KEY.get(key) ?? AGENCY_BY_KEY.get(key.replace(/ (?:news|photo|photos)$/, '')) ?? null;
}

/** A picture service or agency, alone or with a word of credit ("Getty Images", "AP Photo", "Bloomberg News", "File"). */
function isServiceName(text: string): boolean {
  const key = nameKey(text)
    .replace(/^(?:photo|file|file photo) /, '')
    .replace(/ (?:file )?(?:news|photo|photos|file|images)$/, '');
  return SERVICE_KEYS.has(key) || SERVICE_KEYS.has(nameKey(text));
}

/** Words a credit opens with: "Photo: Bloomberg", "Image credit: Reuters", "Photo by Ezra Kaplan/UPI". */
const CREDIT_OPENING = /^(?:photo|photograph|image|picture|video|credit)s?(?: credit)?\s?(?:by\s|:|\|)/i;
/**
 * A line of names separated by slashes or bars, as photographers and services are credited:
 * "David Paul Morris/Bloomberg/Getty Images", "Jane Doe | Example Photo | Getty Images".
 */
const SLASHED = /^[\p{Lu}\d][\p{L}\d.'’ ,-]{0,60}(?:\s?[/|]\s?[\p{L}\d][\p{L}\d.'’ ,-]{0,60}){1,4}$/u;
const MAX_CREDIT_WORDS = 12;

/**
 * A line that only credits a picture: a service's name, "Photo: …", names separated by slashes
 * ending in a service or written in capitals ("ANDREW HARNIK/AP PHOTO, FILE"). Brackets around it
 * do not matter.
 */
export function isCreditLine(line: string): boolean {
  const text = line
    .trim()
    .replace(/^[([]\s?/, '')
    .replace(/\s?[)\]]$/, '');
  if (text === '' || text.split(/\s+/).length > MAX_CREDIT_WORDS) return false;
  // "IHA via AP", "Handout via REUTERS": the service that distributed the picture.
  const via = text.toLowerCase().lastIndexOf(' via ');
  if (via > 0 && isServiceName(text.slice(via + 5))) return true;
  if (CREDIT_OPENING.test(text) || isServiceName(text)) return true;
  if (!SLASHED.test(text)) return false;
  const parts = text.split(/[/|]/).map((part) => part.trim());
  return parts.some(isServiceName) || text === text.toUpperCase();
}

/** "Credit: Jane Q. Doe/EX": a photographer's name, a slash, and who employs them, after a word of credit. */
const STAFF_CREDIT = new RegExp(
  String.raw`^(?:[Pp]hoto|[Pp]hotograph|[Ii]mage|[Pp]icture|[Cc]redit)s?(?: [Cc]redit)?\s?(?:by\s|:)\s?(${PERSON_NAME})\s?\/\s?(\p{Lu}[\p{L}\d&.'’-]{0,30}(?: \p{Lu}[\p{L}\d&.'’-]{0,30}){0,3})$`,
  'u',
);

/**
 * The publication a staff photographer's credit names ("Credit: Jane Q. Doe/EX", printed once or
 * twice over): a person and one name after the slash that is no picture service or agency. A
 * picture bought in is credited to its service ("Jane Doe/Getty Images", "AP Photo/Jane Doe"); one
 * the publication took, to itself.
 */
export function staffCreditOutlet(line: string): string | undefined {
  const text = line.trim();
  // "Credit: Jane Doe/EX Credit: Jane Doe/EX": the credit printed twice, once for each size of the picture.
  const half = text.length >> 1;
  const once = text.length % 2 === 1 && text.slice(0, half) === text.slice(half + 1) ? text.slice(0, half) : text;
  const credit = STAFF_CREDIT.exec(once);
  if (!credit || isServiceName(credit[1]!) || isServiceName(credit[2]!) || agencyNamed(credit[2]!)) return undefined;
  return credit[2]!;
}

/** "(Source: KEXA/EXAMPLE NEWS/CITY POLICE DEPT.)": the sources of a video's pictures, no lower-case letter among them. */
const SOURCES_IN_CAPITALS = /^\(Sources?:\s?[^()\p{Ll}]{2,120}\)$/u;

/** A credit with a slash run into the caption's full stop, without a space: "… service.Jane Doe/Getty Images". */
const GLUED_CREDIT = /\p{Ll}[.!?]([\p{Lu}][^.!?/]{1,60}\/[^.!?]{2,60})$/u;

/** "… in Northtown.John Roe for Example Weekly", "… in Northtown. John Roe for Example Weekly": a photographer working for the publication, after the caption's sentence. */
const PHOTOGRAPHER_FOR = new RegExp(
  String.raw`\p{Ll}[.!?]\s?${PERSON_NAME} for (?:the |The )?\p{Lu}[\p{L}\d&'’-]{0,30}(?: \p{Lu}[\p{L}\d&'’-]{0,30}){0,3}$`,
  'u',
);

/** "… 2021. Amr Abdallah Dalsh, Reuters": after the caption's last sentence, a photographer's name (initials too), a comma, the service. */
const NAME_COMMA_SERVICE = /[.!?]["'”’]?\s(?:\p{Lu}[\p{L}'’-]*\.?\s){1,4}\p{Lu}[\p{L}'’-]*,\s?([\p{L} ]{2,30})$/u;

/** "… during the ceremony REUTERS/Jane Doe": an agency in capitals, a slash and the photographer, ending a caption with no full stop before it. */
const CAPITALS_AGENCY_CREDIT = /\s(\p{Lu}{2,}(?: \p{Lu}{2,})?)\/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** "Jane Doe / Example Herald": a photographer's name, a slash and the publication that employs them. */
const PHOTOGRAPHER_AND_PUBLICATION = new RegExp(
  String.raw`^${PERSON_NAME}\s?\/\s?\p{Lu}[\p{L}\d&.'’-]{0,30}(?: \p{Lu}[\p{L}\d&.'’-]{0,30}){0,3}$`,
  'u',
);

/** Someone's words with their speaker: "“…,” he added.", "said Jane Doe". No caption reports speech. */
const QUOTED_SPEECH = /["“”][^"“”]{2,400}["“”],? (?:\p{Ll}+ )?(?:said|says|added|adds|told|asked|explained)\b/u;

/**
 * Whether a line reports what someone said ("Harbourmaster Jane Doe said the tide was falling",
 * "“…,” he added."): a paragraph of the story, where a caption tells what a picture shows, in the present.
 */
export function reportsSpeech(text: string): boolean {
  return /\bsaid\b/.test(text) || QUOTED_SPEECH.test(text);
}

/**
 * A caption: a line ending in the credit of its picture, in brackets ("… (AP Photo/Khalil Hamra)",
 * "… [Emrah Gurel/AP]", a bracket the page cut off), after "Credit:", "Photo by" or "Picture:", or as a last
 * credit after the caption's sentences, slashed (also run into the full stop) or after a comma ("… the agency said. Sameer
 * Al-DOUMY / AFP", "… on July 7, 2021. Amr Abdallah Dalsh, Reuters"), or an agency's in capitals
 * ("… during the ceremony REUTERS/Jane Doe").
 */
export function endsWithCredit(line: string): boolean {
  const text = line.trimEnd();
  if (/[([]$/.test(text)) return true;
  // "… left-wing policies. ( AP: Bruna P": a credit the page cut off before its bracket closed.
  const unclosed = Math.max(text.lastIndexOf('('), text.lastIndexOf('['));
  if (
    unclosed > 0 &&
    text.length - unclosed <= 40 &&
    !/[)\]]/.test(text.slice(unclosed)) &&
    /^[([]\s?(?:photo|image|credit|[\p{Lu}]{2,})/u.test(text.slice(unclosed))
  )
    return true;
  const close = text.at(-1);
  if (close === ')' || close === ']') {
    const open = text.lastIndexOf(close === ')' ? '(' : '[');
    if (open > 0 && isCreditLine(text.slice(open))) return true;
    // "… may be charged. (Source: KEXA/EXAMPLE NEWS)": a video's caption with the sources of its pictures, in capitals as call letters and services are; "(Source: Example Ministry)" after a sentence is the text citing.
    if (open > 1 && SOURCES_IN_CAPITALS.test(text.slice(open))) return true;
    // "… southern Exampleland. (EXA)": a short name in brackets after the caption's last sentence;
    // after someone's words ("…,” he added. (Jane Doe)") it is the reporter signing the paragraph off.
    if (
      open > 1 &&
      /[.!?]["'”’]?\s$/.test(text.slice(0, open)) &&
      !reportsSpeech(text.slice(0, open)) &&
      /^[([](?:\p{Lu}[\p{L}.&'’-]{0,25} ?){1,4}[)\]]$/u.test(text.slice(open))
    )
      return true;
  }
  const credit = Math.max(
    text.lastIndexOf('Credit:'),
    text.lastIndexOf('Photo by '),
    text.lastIndexOf('Photo: '),
    text.lastIndexOf('Picture: '),
  );
  if (credit > 0 && text.length - credit <= 80) return true;
  const lastSentence = text.lastIndexOf('. ');
  if (lastSentence > 0 && text.length - lastSentence <= 80) {
    const tail = text.slice(lastSentence + 2);
    // "… on Sunday. PTI Photo", "… Getty Images": a picture service's credit after the caption's
    // sentence (an agency's bare name there, "… on Sunday. Reuters", may sign a paragraph off);
    // "… museum. Jane Doe / Example Herald": a photographer and the publication, slashed.
    if (tail.includes('/')) return isCreditLine(tail) || PHOTOGRAPHER_AND_PUBLICATION.test(tail);
    if (isServiceName(tail) && !AGENCY_BY_KEY.has(nameKey(tail))) return true;
  }
  // "… through its new service.Jane Doe/Getty Images": the credit run into the full stop by the scrape.
  const glued = GLUED_CREDIT.exec(text.slice(-80));
  if (glued && isCreditLine(glued[1]!)) return true;
  if (PHOTOGRAPHER_FOR.test(text.slice(-100))) return true;
  const capitals = CAPITALS_AGENCY_CREDIT.exec(text.slice(-80))?.[1];
  if (capitals !== undefined && (agencyNamed(capitals) !== null || isServiceName(capitals))) return true;
  const service = NAME_COMMA_SERVICE.exec(text.slice(-80))?.[1];
  return service !== undefined && isServiceName(service);
}
