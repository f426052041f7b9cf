/**
 * Function words that carry no topic, dropped from passages and questions alike. Contractions lose
 * their ending in the analyzer ("can't" -> "ca"); the same words typed without the apostrophe
 * ("whats", "didnt") are listed as they are.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below between both but by
  can cannot could couldn did didn do does doesn doing don down during each few for from further had hadn has hasn have haven
  having he her here hers herself him himself his how i if in into is isn it its itself just ll me more most mustn my myself
  no nor not now of off on once only or other our ours ourselves out over own re same shan she should shouldn so some such
  t than that the their theirs them themselves then there these they this those through to too under until up us very was wasn
  we were weren what when where which while who whom why will with won would wouldn you your yours yourself yourselves s d m ve y
  also its it's whether upon yet ca wo sha
  whats thats theres wheres whos hows whys hes shes im ive youre theyre weve dont didnt doesnt isnt arent wasnt werent
  hasnt havent hadnt wouldnt couldnt shouldnt mustnt cant wont`.split(/\s+/),
);

/**
 * Words that frame a question rather than name its topic: "Tell me what happened…", "Can you
 * explain…". Dropped from questions only; passages keep them ("told the Post" is reporting).
 */
export const QUESTION_FILLERS: ReadonlySet<string> = new Set(
  `tell explain describe please happen happened happening know anything something thing things kind sort
  go going goes went get got give mention mentioned article articles news story stories say says said`.split(/\s+/),
);

/** "what year", "which day": the second word asks for a date, it is not the topic ("what time" keeps "time": passages give the hour as "local time"). */
export const DATE_AFTER_WHAT: ReadonlySet<string> = new Set(['date', 'day', 'month', 'year']);

/** "how many", "how long", "how heavy": words after "how" that ask for an amount or name its measure (answerKind.ts). */
export const MEASURE_AFTER_HOW: readonly string[] =
  'long many much often far big large heavy high deep tall wide close old fast'.split(' ');

/** "how long", "how soon", "how heavy": the second word asks for a quantity, a time or a measure, it is not the topic. */
export const QUANTITY_AFTER_HOW: ReadonlySet<string> = new Set([...MEASURE_AFTER_HOW, 'soon']);
