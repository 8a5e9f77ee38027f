import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { writePlaygroundConfig } from './playground-config.mjs';
import { startProcess } from './processes.mjs';
import { repoRoot } from './repo.mjs';

export const playgroundBin = path.join(repoRoot, 'tests', 'e2e', 'node_modules', '.bin', 'agentsplayground');

/**
 * Starts the Microsoft 365 Agents Playground (Microsoft's Teams emulator) in its own working folder, with the config
 * from the template, pointed at the bot's endpoint, as the msteams channel. It takes the port it is given unless that
 * port is busy, when it quietly takes another, so the real port is read from its "Listening on N" line.
 */
export async function startPlayground({ botEndpoint, workDir, timeoutMs = 30_000 }) {
  await mkdir(workDir, { recursive: true });
  await writePlaygroundConfig(workDir);
  const port = await freeLoopbackPort();
  const playground = startProcess(
    playgroundBin,
    ['start', '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: workDir,
      name: 'agentsplayground',
      // No browser of its own, no telemetry; a fixed time zone so the activities it makes do not depend on the machine.
      env: { TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', TZ: 'UTC' },
    },
  );
  try {
    const [, actualPort] = await playground.waitForLine(/Listening on (\d+)/, timeoutMs);
    const url = `http://127.0.0.1:${actualPort}`;
    return {
      process: playground,
      url,
      port: Number(actualPort),
      workDir,
      logFile: path.join(workDir, 'devTools', 'm365agentsplayground.log'),
      stop: () => playground.stop(),
    };
  } catch (error) {
    await playground.stop();
    // The playground prints little; why it refused to start (such as a config error) is in its own log.
    const log = await readFile(path.join(workDir, 'devTools', 'm365agentsplayground.log'), 'utf8').catch(() => '');
    error.message += log ? `\nPlayground log:\n${log.slice(-4000)}` : '';
    throw error;
  }
}

/** A port that was free a moment ago: bind port 0 on loopback, read the port, release it. */
export function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
