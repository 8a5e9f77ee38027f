import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { repoRoot } from './repo.mjs';

/** The folder `dotnet build src/CoachingBot -c Debug` writes the bot to. */
export const botFolder = path.join(repoRoot, 'src', 'CoachingBot', 'bin', 'Debug', 'net10.0');
export const botDll = path.join(botFolder, 'CoachingBot.dll');

const buildInputs = [
  path.join(repoRoot, 'src'),
  path.join(repoRoot, 'Directory.Build.props'),
  path.join(repoRoot, 'Directory.Packages.props'),
  path.join(repoRoot, 'global.json'),
];

/**
 * Builds the bot unless its Debug output is newer than every source file. Test files may run in parallel, so the
 * check and the build happen under a lock folder: one builds, the others wait and then find the output fresh.
 */
export async function ensureBotBuilt() {
  await withLock(path.join(repoRoot, 'src', 'CoachingBot', 'obj', '.e2e-build.lock'), async () => {
    if (await isOutputFresh(botDll, buildInputs)) {
      return;
    }
    await run('dotnet', ['build', path.join('src', 'CoachingBot'), '-c', 'Debug', '--nologo', '-v', 'quiet'], repoRoot);
  });
}

/** True when the output exists and is at least as new as the newest input file (bin/ and obj/ folders excluded). */
export async function isOutputFresh(output, inputs) {
  const built = await mtimeOf(output);
  if (built === null) {
    return false;
  }
  for (const input of inputs) {
    if ((await newestMtime(input)) > built) {
      return false;
    }
  }
  return true;
}

/** The newest modification time of a file, or of any file under a folder; 0 when it does not exist. */
export async function newestMtime(target) {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    if (error.code === 'ENOENT') {
      return 0;
    }
    throw error;
  }
  if (!info.isDirectory()) {
    return info.mtimeMs;
  }
  let newest = 0;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    if (entry.isDirectory() && (entry.name === 'bin' || entry.name === 'obj' || entry.name.startsWith('.'))) {
      continue;
    }
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

async function mtimeOf(file) {
  try {
    return (await stat(file)).mtimeMs;
  } catch (error) {
    if (error.code === 'ENOENT') {
      return null;
    }
    throw error;
  }
}

/** Runs a command to its end; rejects with its output when it fails. */
export function run(command, args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed with code ${code}:\n${output}`)),
    );
  });
}

async function withLock(lockDir, action, timeoutMs = 300_000) {
  await mkdir(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
      if (await isAbandoned(lockDir)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`Waited ${timeoutMs} ms for ${lockDir}; remove it if no build is running.`);
      }
      await delay(250);
    }
  }
  try {
    return await action();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

// A lock left by a killed run would block every later one; a build never takes ten minutes here.
async function isAbandoned(lockDir) {
  const created = await mtimeOf(lockDir);
  return created !== null && Date.now() - created > 600_000;
}
