import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBot } from './bot.mjs';
import { ensureBotBuilt } from './build.mjs';
import { PlaygroundClient } from './client.mjs';
import { Conversation } from './conversation.mjs';
import { startPlayground } from './playground.mjs';
import { artifactsDir } from './repo.mjs';
import { MessageStream } from './stream.mjs';

/**
 * One bot and one playground for a test file: the bot built if needed and started on a free port with a fresh
 * database, the playground pointed at it with the template's config, and (unless `stream: false`) a client of the
 * playground's message stream. `stop()` ends all of them, keeps their logs under artifacts/logs/<name>-*.log and
 * removes the temporary folder.
 */
export async function startE2E({ name, stream: withStream = true }) {
  await ensureBotBuilt();
  const temp = await mkdtemp(path.join(tmpdir(), 'coachingbot-e2e-'));
  const running = [];
  const stop = async () => {
    for (const part of running.reverse()) {
      await part.stop();
    }
    await saveLogs(name, running, temp);
    await rm(temp, { recursive: true, force: true });
  };
  try {
    const bot = await startBot({ dataFolder: path.join(temp, 'data') });
    running.push({ name: 'bot', stop: bot.stop, process: bot.process });
    const playground = await startPlayground({ botEndpoint: bot.endpoint, workDir: path.join(temp, 'playground') });
    running.push({ name: 'playground', stop: playground.stop, process: playground.process, logFile: playground.logFile });
    const stream = withStream ? await MessageStream.open(playground.url) : undefined;
    if (stream) {
      running.push({ name: 'stream', stop: () => stream.close() });
    }
    const client = new PlaygroundClient(playground.url);
    const config = await client.config();
    const conversation = (id, kind) =>
      new Conversation({ client, stream, id, kind, user: config.currentUser, bot: config.bot });
    return {
      bot,
      playground,
      client,
      stream,
      config,
      personal: conversation(config.personalChat.id, 'personal'),
      group: conversation(config.groupChats[0].id, 'group'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function saveLogs(name, parts, temp) {
  const folder = path.join(artifactsDir, 'logs');
  await mkdir(folder, { recursive: true });
  for (const part of parts) {
    if (part.process) {
      await writeFile(path.join(folder, `${name}-${part.name}.out.log`), part.process.lines.join('\n') + '\n');
    }
    if (part.logFile) {
      await copyFile(part.logFile, path.join(folder, `${name}-${part.name}.log`)).catch(() => {});
    }
  }
  return temp;
}
