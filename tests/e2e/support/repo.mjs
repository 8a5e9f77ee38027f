import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file that holds CoachingBot.sln. */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Where test output (screenshots, logs, dumped cards) goes; gitignored. */
export const artifactsDir = path.join(repoRoot, 'tests', 'e2e', 'artifacts');

function findRepoRoot(start) {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'CoachingBot.sln'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`No CoachingBot.sln above ${start}: the e2e tests must run inside the repository.`);
    }
  }
}
