#!/usr/bin/env node
// Writes the playground's .m365agentsplayground.yml into a folder, from the one template.
// As a command (eng/playground.sh uses it): node playground-config.mjs <folder>
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const configFileName = '.m365agentsplayground.yml';
export const templatePath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'm365agentsplayground.template.yml');

/** Fresh conversation ids, so each run's chats are new to the bot. */
export function freshIds() {
  return {
    personalChatId: randomUUID(),
    groupChatId: randomBytes(16).toString('hex'),
    teamId: randomBytes(16).toString('hex'),
    channelId: randomBytes(16).toString('hex'),
  };
}

/** The template with every {{name}} replaced; a name without a value is an error, not an empty string. */
export async function renderPlaygroundConfig(values = freshIds()) {
  const template = await readFile(templatePath, 'utf8');
  return template.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in values)) {
      throw new Error(`${templatePath} uses {{${name}}}, which has no value.`);
    }
    return values[name];
  });
}

/** Writes the config into the folder the playground will run in; returns the file's path. */
export async function writePlaygroundConfig(folder, values = freshIds()) {
  const file = path.join(folder, configFileName);
  await writeFile(file, await renderPlaygroundConfig(values));
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node playground-config.mjs <folder>');
    process.exit(2);
  }
  console.log(await writePlaygroundConfig(folder));
}
