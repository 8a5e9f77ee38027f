import path from 'node:path';
import { botDll, botFolder } from './build.mjs';
import { startProcess } from './processes.mjs';

/**
 * Starts the built bot as its own process on a free loopback port (Kestrel binds port 0 and reports the real one),
 * with its SQLite database in the given folder. Authentication stays off (no app id), as for local development.
 */
export async function startBot({ dataFolder, urls = 'http://127.0.0.1:0', timeoutMs = 60_000 }) {
  const bot = startProcess('dotnet', [botDll, '--urls', urls, '--Storage:DataFolder', path.resolve(dataFolder)], {
    cwd: botFolder,
    name: 'CoachingBot',
    env: { ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1', Logging__Console__FormatterName: 'simple' },
  });
  try {
    const [, url] = await bot.waitForLine(/Now listening on: (http:\/\/127\.0\.0\.1:\d+)/, timeoutMs);
    return { process: bot, url, endpoint: `${url}/api/messages`, stop: () => bot.stop() };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}
