// Every card the bot can send, as the C# suite dumps them (tests/CoachingBot.Tests/Cards/CardDumpTests.cs), read by
// Microsoft's own Adaptive Cards library: it must parse with no warnings at schema 1.5, validate with no events, keep
// every property the bot wrote (a property the library does not know would be dropped, and so would Teams drop it),
// and use only what Teams renders.
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { newestMtime, run } from './support/build.mjs';
import { repoRoot } from './support/repo.mjs';

// The package's lib/ is ESM written for bundlers (imports without file extensions), which Node cannot load; its
// dist/ bundle is the same code as a CommonJS module and needs no DOM to parse and validate.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

const dumpFolder = process.env.COACHINGBOT_CARD_DUMP
  ? path.resolve(process.env.COACHINGBOT_CARD_DUMP)
  : path.join(repoRoot, 'tests', 'e2e', 'artifacts', 'cards');

// What Teams renders: Adaptive Cards 1.5 and lower (Action.Execute from 1.4). Action.Http is for Outlook only.
const teamsElements = new Set([
  'TextBlock', 'RichTextBlock', 'TextRun', 'Image', 'ImageSet', 'Media', 'Container', 'ColumnSet', 'Column', 'FactSet',
  'ActionSet', 'Table', 'TableRow', 'TableCell',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
]);
const teamsActions = new Set(['Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute']);

// Properties the library leaves out when it writes a card back because they hold its default value.
const defaultsDropped = new Map([
  ['valueOn', 'true'],
  ['valueOff', 'false'],
  ['isRequired', false],
  ['separator', false],
  ['style', 'compact'],
]);

const files = await dumpedCards();

test('the C# suite dumped the cards (at least the prompts, each session form, and the summary)', () => {
  assert.ok(files.length > 0, `no cards in ${dumpFolder}`);
  const names = files.map((file) => path.basename(file, '.json'));
  const expectedCards = [
    'prompt-time-choice', 'confirm-prompt', 'goal-form', 'goal-form-retry-with-errors', 'goal-saved-every-field',
    'options-list-form', 'options-weigh-form', 'actions-form', 'first-form', 'summary-grow', 'action-list',
    'history', 'prompt-recap-choice',
  ];
  for (const expected of expectedCards) {
    assert.ok(names.includes(expected), `${expected}.json missing from ${dumpFolder}: ${names.join(', ')}`);
  }
});

for (const file of files) {
  test(`${path.basename(file)} is a valid Adaptive Card 1.5 that Teams renders`, async () => {
    const json = JSON.parse(await readFile(file, 'utf8'));
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext(AC.Versions.v1_5);

    card.parse(json, context);

    const parseEvents = Array.from({ length: context.eventCount }, (_, i) => eventText(context.getEventAt(i)));
    assert.deepEqual(parseEvents, [], 'parsing at schema 1.5 raised events (unknown types, bad values, newer features)');
    const validation = card.validateProperties().validationEvents.map(eventText);
    assert.deepEqual(validation, [], 'validateProperties() raised events');

    assert.match(json.version, /^1\.[0-5]$/, 'Teams renders schema 1.5 and lower');
    assert.ok(card.version && card.version.major === 1 && card.version.minor <= 5, `the library read version ${card.version}`);

    const { elements, actions } = typesIn(json);
    assert.deepEqual(elements.filter((type) => !teamsElements.has(type)), [], 'element types Teams does not render');
    assert.deepEqual(actions.filter((type) => !teamsActions.has(type)), [], 'action types Teams does not support');

    const written = card.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
    assert.deepEqual(lostInRoundTrip(json, written), [], 'properties the library dropped or changed when it wrote the card back');
  });
}

/** The dumped cards; dumps them first (by running the C# test) when there are none or they are older than the code. */
async function dumpedCards() {
  let files = await jsonFiles(dumpFolder);
  if (files.length === 0 || (await isStale(files))) {
    await run(
      'dotnet',
      ['test', path.join('tests', 'CoachingBot.Tests'), '--filter', 'FullyQualifiedName~CoachingBot.Tests.Cards.CardDumpTests', '--nologo'],
      repoRoot,
      { COACHINGBOT_CARD_DUMP: dumpFolder },
    );
    files = await jsonFiles(dumpFolder);
  }
  return files;
}

async function jsonFiles(folder) {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith('.json')).sort().map((name) => path.join(folder, name));
  } catch (error) {
    if (error.code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

async function isStale(files) {
  const oldestDump = Math.min(...(await Promise.all(files.map(async (file) => (await stat(file)).mtimeMs))));
  const newestCode = Math.max(
    await newestMtime(path.join(repoRoot, 'src')),
    await newestMtime(path.join(repoRoot, 'tests', 'CoachingBot.Tests', 'Cards')),
  );
  return newestCode > oldestDump;
}

function eventText(event) {
  return `${AC.ValidationEvent[event.event]}: ${event.message}`;
}

/** The element and action types a card uses, found where the schema puts them (not inside submit data). */
function typesIn(card) {
  const elements = [];
  const actions = [];
  const visitAction = (action) => {
    actions.push(action.type);
    if (action.card) {
      visitCard(action.card);
    }
  };
  const visitElement = (element) => {
    elements.push(element.type);
    for (const child of [...(element.items ?? []), ...(element.columns ?? []), ...(element.inlines ?? []), ...(element.images ?? []), ...(element.rows ?? []), ...(element.cells ?? [])]) {
      if (typeof child === 'object' && child !== null) {
        visitElement(child);
      }
    }
    for (const action of element.actions ?? []) {
      visitAction(action);
    }
    if (element.selectAction) {
      visitAction(element.selectAction);
    }
  };
  const visitCard = (card) => {
    for (const element of card.body ?? []) {
      visitElement(element);
    }
    for (const action of card.actions ?? []) {
      visitAction(action);
    }
    if (card.selectAction) {
      visitAction(card.selectAction);
    }
  };
  visitCard(card);
  return { elements, actions };
}

/**
 * Each leaf of the card the bot wrote that is missing, or different, in what the library wrote back. Enum values
 * are compared without case (the library writes "Bolder" for "bolder"); values the library leaves out as its
 * defaults, and empty strings, are not counted.
 */
function lostInRoundTrip(original, written, at = '') {
  if (Array.isArray(original)) {
    return original.flatMap((item, i) => lostInRoundTrip(item, Array.isArray(written) ? written[i] : undefined, `${at}[${i}]`));
  }
  if (typeof original === 'object' && original !== null) {
    return Object.entries(original).flatMap(([key, value]) => {
      const there = written && typeof written === 'object' ? written[key] : undefined;
      // An empty string is "not set" to the library, as to Teams: an input re-shown with an empty answer.
      if (there === undefined && (defaultsDropped.get(key) === value || value === '')) {
        return [];
      }
      return lostInRoundTrip(value, there, at ? `${at}.${key}` : key);
    });
  }
  const same = typeof original === 'string' && typeof written === 'string'
    ? original.toLowerCase() === written.toLowerCase()
    : original === written;
  return same ? [] : [`${at}: wrote ${JSON.stringify(original)}, library has ${JSON.stringify(written)}`];
}
