/**
 * Abbreviations and titles of public life that news writes in several ways ("POTUS", "the US
 * president"; "SCOTUS", "the Supreme Court"): general knowledge of how news is written, in no
 * story's particular. WordNet already knows many acronyms by their spelled-out names ("CEO",
 * "FBI", "IMF"); this list adds those it lacks. No package keeps such a list; it is short and sorted.
 */
export const NEWS_ABBREVIATIONS: ReadonlyArray<readonly string[]> = [
  ['AG', 'attorney general'],
  ['CEO', 'chief executive', 'chief executive officer'],
  ['CFO', 'chief financial officer'],
  ['COO', 'chief operating officer'],
  ['CPS', 'Crown Prosecution Service'],
  ['CTO', 'chief technology officer'],
  ['DA', 'district attorney'],
  ['DHS', 'Department of Homeland Security', 'Homeland Security'],
  ['DOD', 'Department of Defense', 'Defense Department', 'Pentagon'],
  ['DOJ', 'Department of Justice', 'Justice Department'],
  ['DOT', 'Department of Transportation', 'Transportation Department'],
  ['EU', 'European Union'],
  ['FAA', 'Federal Aviation Administration'],
  ['FEMA', 'Federal Emergency Management Agency'],
  ['FM', 'foreign minister'],
  ['Fed', 'Federal Reserve'],
  ['GOP', 'Republican Party', 'Republicans'],
  ['HHS', 'Department of Health and Human Services', 'Health and Human Services'],
  ['MP', 'member of parliament', 'lawmaker'],
  ['NHS', 'National Health Service'],
  ['NTSB', 'National Transportation Safety Board'],
  ['PM', 'prime minister'],
  ['POTUS', 'President of the United States', 'US president'],
  ['SCOTUS', 'Supreme Court of the United States', 'US Supreme Court', 'Supreme Court'],
  ['SEC', 'Securities and Exchange Commission'],
  ['UN', 'United Nations'],
  ['VP', 'vice president', 'veep'],
  ['cops', 'police', 'police officers'],
];
