import { describeFailure } from './failure.ts';
import { loggerFor, openLibrary, readConfig } from './app/environment.ts';
import { progressBar } from './adapters/cli/progress.ts';
import { runConsole } from './adapters/console/console.ts';

/**
 * `npm start`: the bot when DISCORD_TOKEN is set; otherwise, on a terminal, the local console on
 * the bundled corpus, so a newcomer sees answers without creating a Discord application first.
 */
async function main(): Promise<number> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    process.stderr.write(`dossier: ${describeFailure(error).message}\n`);
    return 1;
  }
  if (config.DISCORD_TOKEN) {
    // SHARD_COUNT: this process supervises shards, each of which runs this file again as the bot.
    const { guardShardProcess, isShardProcess, runShards, shardConfig } = await import('./adapters/discord/shards.ts');
    if (!isShardProcess() && config.SHARD_COUNT !== undefined) return runShards(config);
    const { runBot } = await import('./adapters/discord/runBot.ts');
    if (!isShardProcess()) return runBot(config);
    guardShardProcess();
    return runBot(shardConfig(config));
  }
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'dossier: DISCORD_TOKEN is not set, and there is no terminal for the local console. Set DISCORD_TOKEN (see .env.example) to run the bot, or run `npm start` in a terminal to open the console.\n',
    );
    return 1;
  }
  const log = loggerFor(config, 'warn');
  try {
    const library = await openLibrary(config, log);
    await runConsole({
      input: process.stdin,
      output: process.stdout,
      library,
      log,
      color: Boolean(process.stdout.isTTY),
      preferences: { citeStyle: config.CITE_STYLE },
      ...(process.stderr.isTTY ? { progress: progressBar(process.stderr) } : {}),
    });
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.unexpected) log.error({ event: 'console_failed', err: error }, 'console failed');
    process.stderr.write(`dossier: ${failure.message}\n`);
    return 1;
  }
}

process.exitCode = await main();
