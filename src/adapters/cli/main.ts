import { describeFailure } from '../../failure.ts';
import { loggerFor, openLibrary, readConfig } from '../../app/environment.ts';
import { errorJson } from '../../contract/toJson.ts';
import { progressBar } from './progress.ts';
import { runCli } from './run.ts';

/** `npm run -s cli -- <command> [arguments] [--json]`: one question, one answer, an exit status. */
async function main(): Promise<number> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    const failure = describeFailure(error);
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(errorJson(failure), null, 2)}\n`);
    else process.stderr.write(`dossier: ${failure.message}\n`);
    return failure.exitCode;
  }
  const log = loggerFor(config, 'warn');
  const output = await runCli(process.argv.slice(2), {
    // One command and done: a worker thread would only add its start to a rebuild.
    openLibrary: () => openLibrary(config, log, { rebuildIn: 'here' }),
    log,
    preferences: { citeStyle: config.CITE_STYLE },
    ...(process.stderr.isTTY ? { progress: progressBar(process.stderr) } : {}),
  });
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  return output.exitCode;
}

process.exitCode = await main();
