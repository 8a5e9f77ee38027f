import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess } from './processes.mjs';

const relay = path.join(path.dirname(fileURLToPath(import.meta.url)), 'stream-relay.mjs');
const nodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * Everything the playground streams to its web page over `/_ws_conversation/v1/conversations/stream`: what the bot
 * sends (`createMessage`, `updateMessage` for a card replaced by PUT) and typing. The playground buffers messages until
 * a client connects and then sends to every connected client, so this stream sees all of them, in order, and a test
 * waits for the one it expects with {@link MessageStream#waitFor}.
 */
export class MessageStream {
  /** @type {object[]} every message received, in order */
  messages = [];
  #waiters = new Set();
  #relay;

  static async open(playgroundUrl, timeoutMs = 10_000) {
    const url = `${playgroundUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`;
    const args = nodeMajor < 22 ? ['--experimental-websocket', relay, url] : [relay, url];
    const stream = new MessageStream(startProcess(process.execPath, args, { name: 'stream-relay' }));
    try {
      await stream.#relay.waitForLine(/^open$/, timeoutMs);
    } catch (error) {
      await stream.close();
      throw error;
    }
    return stream;
  }

  constructor(relayProcess) {
    this.#relay = relayProcess;
    relayProcess.onLine((line) => {
      // The relay's stdout carries the messages (one JSON object a line); its stderr only "open" and errors.
      if (line.startsWith('{')) {
        this.messages.push(JSON.parse(line));
        for (const waiter of [...this.#waiters]) {
          waiter.check();
        }
      }
    });
  }

  /** The position after the last message received: pass it as `since` to wait only for what comes next. */
  mark() {
    return this.messages.length;
  }

  /**
   * Resolves with the first message at or after `since` that satisfies the predicate, waiting up to `timeoutMs`.
   * On timeout the error lists what did arrive, which is usually enough to see what the bot did instead.
   */
  waitFor(predicate, { since = 0, timeoutMs = 15_000, description = predicate.toString() } = {}) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          for (let i = since; i < this.messages.length; i++) {
            if (predicate(this.messages[i])) {
              finish();
              resolve(this.messages[i]);
              return;
            }
          }
        },
      };
      const timer = setTimeout(() => {
        finish();
        const seen = this.messages.slice(since).map(summarize).join('\n  ') || '(nothing)';
        reject(new Error(`No message matching ${description} within ${timeoutMs} ms. Received since then:\n  ${seen}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  async close() {
    await this.#relay.stop(2000);
  }
}

/** One line about a streamed message, for failure output. */
export function summarize(item) {
  const text = item.message?.text ?? '';
  const cards = item.message?.attachments?.length ? ` [${item.message.attachments.length} attachment(s)]` : '';
  return `${item.action} ${item.actionConversationId ?? ''} ${JSON.stringify(text.slice(0, 120))}${cards}`;
}
