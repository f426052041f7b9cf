/**
 * Every error code Dossier reports, declared once. The codes are part of the JSON contract (the
 * CLI prints `{"error": {"code", "message"}}`), so each has its exit status and a meaning here,
 * and docs/CONTRACT.md lists them all (test/error-codes.test.ts keeps the two the same). Error
 * classes take only a code of their kind, so a misspelt or undocumented code does not compile.
 */

interface ErrorCodeInfo {
  /** 2: bad input the asker can fix; 1: anything else (CLI exit status). */
  readonly exit: 1 | 2;
  readonly meaning: string;
}

export const ERROR_CODES = {
  // Bad input (exit 2).
  empty_query: { exit: 2, meaning: 'The question (or another required text) is empty.' },
  missing_command: { exit: 2, meaning: 'The CLI was run without a command.' },
  missing_subcommand: { exit: 2, meaning: 'A command with subcommands was given none.' },
  missing_option: { exit: 2, meaning: 'A required option is missing.' },
  missing_value: { exit: 2, meaning: 'An option was given without its value.' },
  missing_attachment: { exit: 2, meaning: 'The attached file did not arrive with the command.' },
  unknown_command: { exit: 2, meaning: 'No command has that name.' },
  unknown_subcommand: { exit: 2, meaning: 'The command has no subcommand of that name.' },
  unknown_option: { exit: 2, meaning: 'The command has no option of that name.' },
  unexpected_argument: { exit: 2, meaning: 'The command takes no free text.' },
  bad_option: {
    exit: 2,
    meaning: 'An option value is not valid (a number out of range, an unknown choice, a bad metadata value).',
  },
  bad_format: { exit: 2, meaning: 'The output format is not one this command prints.' },
  bad_date: { exit: 2, meaning: 'A date that is not a real day written YYYY-MM-DD.' },
  bad_range: { exit: 2, meaning: 'A date range whose start is after its end.' },
  too_long: { exit: 2, meaning: 'A text longer than the option allows.' },
  unknown_passage: { exit: 2, meaning: 'No passage has that id now; the error offers the nearest passages.' },
  unknown_source: { exit: 2, meaning: 'No article (or refused file) has that id or name.' },
  unknown_style: { exit: 2, meaning: 'Not one of the citation styles.' },
  topic_needed: { exit: 2, meaning: 'The corpus is too large for a timeline of everything: give a topic.' },
  forbidden: { exit: 2, meaning: 'The command is for moderators.' },
  cooldown: { exit: 2, meaning: 'The command was run again before its cooldown ended.' },
  bad_name: { exit: 2, meaning: 'A file name that is too long or has characters a file name should not have.' },
  bad_file: { exit: 2, meaning: 'An article file that cannot be read as an article (empty, not text, malformed).' },
  bad_sidecar: { exit: 2, meaning: "An article's metadata file cannot be read; fix or remove it first." },
  unreadable_file: { exit: 2, meaning: 'A named local file is missing or is not a regular file.' },
  unsupported_type: { exit: 2, meaning: 'A file type the corpus does not read.' },
  too_large: { exit: 2, meaning: 'A file over the size limit.' },
  duplicate: { exit: 2, meaning: 'The corpus already has that file name or the same text.' },
  unchanged: { exit: 2, meaning: 'A replacement with the same text as the article it replaces.' },
  // Everything else (exit 1).
  bad_config: { exit: 1, meaning: 'A setting in the environment (.env) is not valid.' },
  internal: { exit: 1, meaning: 'Something unexpected went wrong inside Dossier; the details are in its log.' },
  corpus_unreadable: { exit: 1, meaning: 'The corpus folder cannot be read.' },
  corpus_busy: { exit: 1, meaning: 'Another process is changing the corpus folder.' },
  lock_failed: { exit: 1, meaning: 'The corpus folder cannot be locked for a change; nothing changed.' },
  reload_empty: { exit: 1, meaning: 'A reload found no article; the old index is kept.' },
  reload_failed: { exit: 1, meaning: 'A reload failed; the old index is kept.' },
  no_uploads: { exit: 1, meaning: 'This way of running Dossier cannot take a file.' },
  download_failed: { exit: 1, meaning: 'An attachment could not be downloaded.' },
  download_refused: { exit: 1, meaning: "An attachment's address is not one of Discord's hosts." },
  token_missing: { exit: 1, meaning: 'DISCORD_TOKEN is not set.' },
  token_rejected: { exit: 1, meaning: 'Discord rejected the token.' },
  discord_unreachable: { exit: 1, meaning: 'Discord (or DISCORD_API_URL) cannot be reached.' },
  discord_timeout: { exit: 1, meaning: 'Discord did not accept the login in time.' },
  disallowed_intents: { exit: 1, meaning: 'Discord refused the gateway intents.' },
  gateway_closed: { exit: 1, meaning: 'Discord closed the gateway connection for good.' },
  deploy_refused: { exit: 1, meaning: 'Discord refused to register the slash commands.' },
  shards_unset: { exit: 1, meaning: 'Sharding was asked for without SHARD_COUNT.' },
  shard_failed: { exit: 1, meaning: 'A shard failed to start; all shards were stopped.' },
  bad_question_file: { exit: 1, meaning: '`npm run eval`: a questions file cannot be read.' },
  bad_gold_file: { exit: 1, meaning: '`npm run eval`: a pages gold file cannot be read.' },
  bad_story: { exit: 1, meaning: '`npm run eval`: a story description cannot be read.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;
type CodeWithExit<E extends 1 | 2> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['exit'] extends E ? C : never;
}[ErrorCode];
/** Codes of input the asker can fix. */
export type InputErrorCode = CodeWithExit<2>;
/** Codes of failures the asker cannot fix. */
export type OperationalErrorCode = CodeWithExit<1>;
