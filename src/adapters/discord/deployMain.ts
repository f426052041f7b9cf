import { describeFailure } from '../../failure.ts';
import { readConfig } from '../../app/environment.ts';
import { runDeploy } from './deploy.ts';

/** `npm run deploy` (tsx src/adapters/discord/deployMain.ts). */
async function main(): Promise<number> {
  try {
    return await runDeploy(readConfig());
  } catch (error) {
    process.stderr.write(`deploy: ${describeFailure(error).message}\n`);
    return 1;
  }
}

process.exitCode = await main();
