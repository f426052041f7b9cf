import { keepLines, type Stage } from '../draft.ts';

/** Imperative openings of a sign-up box: "Sign up for …", "Get the latest … in your inbox", "Enter your email". */
const SIGN_UP_OPENING = /^(?:sign up|sign me up|subscribe|get (?:the|our|breaking|daily|free|email|news)|join (?:our|the)|enter your e-?mail|stay (?:informed|up to date|updated)|never miss|want (?:more|the latest)|by signing up|thank you for (?:signing up|subscribing)|you(?:'re| are) (?:all set|subscribed)|already a subscriber)\b/i;
/** What a sign-up box offers, wherever it says it. */
const SIGN_UP_OFFER = /\b(?:newsletter|your inbox|email address|e-mail address|alerts?|notifications|subscribe|subscription|sign up)\b/i;
const MAX_BOX_WORDS = 40;

/** Newsletter and alert sign-up boxes: an invitation to subscribe, short, offering mail or alerts. */
export const dropNewsletterBoxes: Stage = (draft) =>
  keepLines(draft, (line) => !(line.text.split(' ').length <= MAX_BOX_WORDS && SIGN_UP_OPENING.test(line.text) && SIGN_UP_OFFER.test(line.text)));
