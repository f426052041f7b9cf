import { defineCommand } from '../src/commandKit/command.ts';
import type { HelpResult } from '../src/commandKit/results.ts';

export const help = defineCommand({
  definition: {
    name: 'help',
    description: 'What Dossier can do, with an example of each command',
    example: '/help',
    options: [],
  },
  run(_args, context): HelpResult {
    return { kind: 'help', commands: context.catalog.filter((definition) => !definition.moderatorOnly || context.invoker.isModerator) };
  },
});
