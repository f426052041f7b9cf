import type { Draft, Stage, TextMeta } from '../draft.ts';

/**
 * "Jane Doe is a …", "John Smith covers …": a name opening a line and saying what the person does.
 * A line opening with a word that starts a clause ("After Jane Doe was led away, her lawyers told
 * reporters …") is the story, about someone, not a bio.
 */
const NAME_THEN_VERB =
  /^(?!(?:After|Before|When|While|As|If|Since|Until|Once|Although|Though|Because|Unless|Whether|Where)\s)(?:\p{Lu}[\p{L}.'’-]{0,30} ){1,4}(?:is|was|has been|covers|reports|writes)\b/u;
const ROLE =
  /\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|intern|analyst|anchor|host|photographer|photojournalist|fellow|author)s?\b/i;
/** "Follow her on Twitter @…", "Contact him at …", "You can reach the author at …": the rest of a bio box. */
const CONTACT =
  /^(?:follow (?:him|her|them|me) on|contact (?:him|her|them|the author|the writer) at|you can reach|reach (?:him|her|them) at|email (?:him|her|them) at)\b/i;
/** Where the bio names the publisher: "… correspondent for USA TODAY", "… editor at The Example Times". */
const EMPLOYER = /\b(?:for|at|with) ((?:The )?[\p{Lu}\d][\p{L}\d&.'’-]{0,30}(?: [\p{Lu}\d][\p{L}\d&.'’-]{0,30}){0,4})/u;
/** "Jane Doe covers labor and the economy for The Example Times": a beat and the publisher, which says the role. */
const BEAT = /^(?:\p{Lu}[\p{L}.'’-]{0,30} ){1,4}covers [^.]{3,80}\bfor (?:The )?\p{Lu}/u;
const MAX_BIO_WORDS = 80;
/** The role comes early in a bio: a sentence that reaches it only after this many characters is a story about someone. */
const ROLE_WITHIN = 160;

function isBio(text: string): boolean {
  if (text.split(' ').length > MAX_BIO_WORDS) return false;
  if (CONTACT.test(text)) return true;
  if (!NAME_THEN_VERB.test(text)) return false;
  const role = ROLE.exec(text.slice(0, ROLE_WITHIN));
  return role !== null || BEAT.test(text.slice(0, ROLE_WITHIN));
}

/** The publisher a bio names after the author's role, if it names one. */
function employerOf(text: string): string | undefined {
  const role = ROLE.exec(text.slice(0, ROLE_WITHIN)) ?? BEAT.exec(text.slice(0, ROLE_WITHIN));
  if (!role) return undefined;
  // The employer is named in the role's sentence.
  const employer = EMPLOYER.exec(text.slice(role.index, role.index + ROLE_WITHIN).split('. ')[0]!);
  return employer?.[1]?.trim().replace(/[.,]$/, '');
}

/**
 * Author bios ("Jane Doe is a White House correspondent for Example Today. Follow her on
 * Twitter."): they go, and the publisher a bio names becomes the outlet when the page names none.
 */
export const dropAuthorBios: Stage = (draft: Draft) => {
  let meta: TextMeta = draft.meta;
  const lines = draft.lines.filter((line) => {
    if (line.listItem || !isBio(line.text)) return true;
    const employer = employerOf(line.text);
    if (employer && meta.outlet === undefined) meta = { ...meta, outlet: employer };
    return false;
  });
  return lines.length === draft.lines.length ? draft : { lines, meta };
};
