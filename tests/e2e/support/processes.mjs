import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

// Children run in their own process group (detached) so stopping one also stops anything it started. If the test
// process ends abruptly (an uncaught error, the runner's SIGTERM on timeout), these handlers still end them.
const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    signalGroup(child, 'SIGKILL');
  }
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    for (const child of live) {
      signalGroup(child, 'SIGKILL');
    }
    process.kill(process.pid, signal);
  });
}

/**
 * Starts a long-running child process and keeps its output lines (stdout and stderr, interleaved as they arrive).
 * @returns {ManagedProcess}
 */
export function startProcess(command, args, { cwd, env = {}, name = command } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  return new ManagedProcess(child, name);
}

export class ManagedProcess {
  /** @type {string[]} */
  lines = [];
  /** @type {{code: number | null, signal: string | null} | null} */
  exit = null;
  #listeners = new Set();
  #lineListeners = new Set();
  #exited;

  constructor(child, name) {
    this.child = child;
    this.name = name;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        for (const listener of this.#lineListeners) {
          listener(line);
        }
        this.#notify();
      });
    }
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        live.delete(child);
        this.exit = { code, signal };
        this.#notify();
        resolve(this.exit);
      });
      child.once('error', (error) => {
        live.delete(child);
        this.exit = { code: null, signal: null, error };
        this.#notify();
        resolve(this.exit);
      });
    });
  }

  get pid() {
    return this.child.pid;
  }

  /** Calls the listener with each output line from now on. */
  onLine(listener) {
    this.#lineListeners.add(listener);
  }

  /** The last lines of output, for error messages. */
  tail(count = 40) {
    return this.lines.slice(-count).join('\n');
  }

  /**
   * Resolves with the match of the first output line from index `since` on (already printed or still to come) that
   * matches the pattern. `lines.length` before an action is the `since` that waits for that action's effect.
   */
  waitForLine(pattern, timeoutMs, since = 0) {
    return new Promise((resolve, reject) => {
      let scanned = since;
      const check = () => {
        for (; scanned < this.lines.length; scanned++) {
          const match = pattern.exec(this.lines[scanned]);
          if (match) {
            done();
            resolve(match);
            return;
          }
        }
        if (this.exit) {
          done();
          reject(new Error(`${this.name} exited (${describeExit(this.exit)}) before printing ${pattern}. Its output:\n${this.tail()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms. Its output:\n${this.tail()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#listeners.delete(check);
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Stops the process group: SIGTERM, then SIGKILL if it is still there after the grace period. */
  async stop(graceMs = 5000) {
    if (this.exit) {
      return this.exit;
    }
    signalGroup(this.child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(this.child, 'SIGKILL'), graceMs);
    try {
      return await this.#exited;
    } finally {
      clearTimeout(timer);
    }
  }

  #notify() {
    for (const listener of [...this.#listeners]) {
      listener();
    }
  }
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

function describeExit({ code, signal, error }) {
  return error ? error.message : signal ? `signal ${signal}` : `code ${code}`;
}
