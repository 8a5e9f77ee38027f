// A person's view: the Agents Playground's web page in headless Chromium, typing in its send box and clicking the
// Adaptive Cards it renders with Microsoft's own renderer. Screenshots go to artifacts/ (docs/ keeps a few of them).
import assert from 'node:assert/strict';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { cardOf, inputsOf } from './support/conversation.mjs';
import { startE2E } from './support/harness.mjs';
import { artifactsDir } from './support/repo.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Dates the bot's "not in the past" rule judges the same way on any day this code will run.
const futureDate = '2099-03-31';
const pastDate = '2000-01-01';

// What the bot says at each step of GROW that is not a card (the same texts playground-api.test.mjs waits for).
const say = {
  resume: /You have an unfinished \*\*GROW\*\* conversation/,
  recap: /How did it go\?$/,
  need: /what would you like to get from this conversation\?$/,
  time: /How much time do you have for this now\?$/,
  contract: /Shall we start\?$/,
  reality: /\*\*Reality\*\*: See clearly where you are now/,
  contractCheck: /did we do it\?/,
  followUp: /When would you like to look at your progress again\?/,
  closing: /^Thank you\. Here is a summary of our conversation/,
};
const texting = (pattern) => (m) => pattern.test(m.text ?? '');
/** A predicate for the form whose card has all these inputs. */
const formWith = (...ids) => (m) => {
  const inputs = inputsOf(cardOf(m));
  return ids.every((id) => id in inputs);
};
const goalForm = formWith('goal', 'targetDate');
const optionsForm = formWith('option1', 'option5');
const weighForm = formWith('impact1', 'ease1', 'chosen1');
const actionsForm = formWith('what1', 'byWhen1', 'confidence1');
const firstForm = formWith('focus', 'informed', 'realistic', 'scope', 'tactics');

let e2e;
let context;
let profile;
const blocked = [];

before(async () => {
  // Never let a tool download a browser: use the system's Chromium, and say how to get it when it is missing.
  await access(chromiumPath).catch(() => {
    throw new Error(`No Chromium at ${chromiumPath}. Install it (Debian: apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH.`);
  });
  e2e = await startE2E({ name: 'playground-ui' });
  profile = await mkdtemp(path.join(tmpdir(), 'coachingbot-chromium-'));
  await mkdir(artifactsDir, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 },
    // The date picker shows and submits dates in the browser's zone: fix it, so the machine's does not matter.
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  // Nothing leaves the machine: the page asks a CDN for fonts and an animation, and works without them.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (loopbackHosts.has(url.hostname)) {
      return route.continue();
    }
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
});

after(async () => {
  await context?.close();
  await e2e?.stop();
  if (profile) {
    await rm(profile, { recursive: true, force: true });
  }
});

/** Opens the playground's page on the personal chat and collects errors the page throws. */
async function openPlayground() {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(e2e.playground.url);
  await sendBox(page).waitFor();
  return { page, errors };
}

function sendBox(page) {
  return page.locator('[data-lexical-editor="true"][role="textbox"]');
}

/** Types into the send box and presses Enter, as a person would. */
async function typeMessage(page, text) {
  await sendBox(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The last bot message bubble containing the text. */
function botBubble(page, text) {
  return page.locator('.fai-OutputCard', { hasText: text }).last();
}

/** The last rendered Adaptive Card containing the text. */
function renderedCard(page, text) {
  return page.locator('.ac-adaptiveCard', { hasText: text }).last();
}

/**
 * Types "grow" and waits for the first question, declining to resume a draft an earlier test left and leaving open
 * the actions an earlier test agreed (a new conversation reviews them first, one question each).
 */
async function startGrowInPage(page) {
  const firstQuestion = (m) => say.need.test(m.text ?? '') || say.recap.test(m.text ?? '');
  let first = await answer(page, 'grow', (m) => firstQuestion(m) || say.resume.test(m.text ?? ''));
  if (say.resume.test(first.text ?? '')) {
    first = await answer(page, 'no', firstQuestion);
  }
  while (say.recap.test(first.text ?? '')) {
    first = await answer(page, 'Still open', firstQuestion);
  }
  await botBubble(page, 'what would you like to get from this conversation?').waitFor();
}

/** Types a date into an Input.Date (a Fluent date picker in this renderer) and closes its calendar. */
async function pickDate(card, isoDate) {
  const field = card.getByPlaceholder('Select a date...');
  await field.fill(isoDate);
  await field.press('Enter');
  await field.press('Escape');
}

/** Types an answer in the send box and waits (as long as the bot's pacing may take) for its reply that matches. */
async function answer(page, text, next) {
  const since = e2e.stream.mark();
  await typeMessage(page, text);
  return e2e.personal.reply(since, next);
}

/** Clicks a card's button and waits for the bot's reply that matches; returns the stream position before the click. */
async function click(card, name, next) {
  const since = e2e.stream.mark();
  await card.getByRole('button', { name }).click();
  await e2e.personal.reply(since, next);
  return since;
}

/** The container of a card (such as one option's row) that holds the text. */
function section(card, text) {
  return card.locator('.ac-container:not(.ac-adaptiveCard)', { hasText: text });
}

/** Picks a value in a compact Input.ChoiceSet, which this renderer draws as a drop-down (a Fluent combobox). */
async function choose(container, label, value) {
  const dropDown = container.getByRole('combobox', { name: label });
  await dropDown.click();
  // The list opens in a layer of its own, outside the card.
  await container.page().getByRole('option', { name: value, exact: true }).click();
  assert.equal(await dropDown.inputValue(), value);
}

/** The page may ask a CDN for fonts and an animation (blocked, it works without them); anything else is a finding. */
function assertNothingElseLeftLoopback() {
  for (const url of blocked) {
    assert.match(new URL(url).hostname, /(^|\.)cdn\.office\.net$/, `unexpected request beyond loopback: ${url}`);
  }
}

async function screenshot(page, name) {
  const file = path.join(artifactsDir, name);
  await page.screenshot({ path: file });
  return file;
}

test('opening the playground installs the app and shows the welcome; help typed in the send box lists the commands', async () => {
  // Start from "not installed", so the page's own install (sent when it opens the chat) is a new one.
  const bot = e2e.bot.process;
  const mark = bot.lines.length;
  await e2e.client.mockActivity(e2e.personal.id, 'uninstall');
  await bot.waitForLine(/Bot removed from a personal conversation/, 10_000, mark);

  const since = e2e.stream.mark();
  const { page, errors } = await openPlayground();
  // A welcome for this install (not one left in the chat's history from before) ...
  await e2e.personal.reply(since, (m) => /I'm \*\*CoachingBot\*\*\. I help you think things through/.test(m.text ?? ''));
  // ... shown on the page.
  const welcome = botBubble(page, "I'm CoachingBot. I help you think things through");
  await welcome.waitFor();
  assert.match(await welcome.innerText(), /Who sees what:/);

  await typeMessage(page, 'help');
  const help = botBubble(page, 'Here is what I can do');
  await help.waitFor();

  // Markdown rendered as Teams renders it: a list, each command in bold.
  const commands = await help.locator('li > strong:first-child').allInnerTexts();
  assert.deepEqual(commands, ['start', 'grow', 'egan', 'aligraham', 'actions', 'history', 'reflect', 'help', 'cancel']);
  await screenshot(page, 'playground-help.png');
  assert.deepEqual(errors, []);
  assertNothingElseLeftLoopback();
  await page.close();
});

test('the goal card is filled in and saved by clicks: the renderer checks required fields, the bot checks the date', async () => {
  await e2e.personal.reset();
  const { page, errors } = await openPlayground();
  const since = e2e.stream.mark();

  // The conversation's beginning, typed. (Its choice buttons post their label back as imBack, which this playground
  // cannot click: see the todo test below.)
  await startGrowInPage(page);
  await typeMessage(page, 'Clarity on my next step as a manager');
  await renderedCard(page, '20 minutes').waitFor();
  await typeMessage(page, '20 minutes');
  await renderedCard(page, 'Yes').waitFor();
  await botBubble(page, 'Shall we start?').waitFor();
  await typeMessage(page, 'yes');
  const form = renderedCard(page, 'Save my goal');
  await form.waitFor();

  // Nothing filled in: the renderer itself refuses, showing each required input's errorMessage.
  await form.getByRole('button', { name: 'Save my goal' }).click();
  await form.getByText('Please write your goal.').waitFor();
  await form.getByText('Please choose a target date.').waitFor();

  // A goal and a date in the past: the renderer sends it, the bot sends the card back with its reason.
  await form.getByLabel('Your goal, in your own words').fill('Speak up in leadership meetings');
  await form.getByLabel("Measurable: how will you know you've got there?").fill('One idea in every meeting');
  await pickDate(form, pastDate);
  await form.getByRole('button', { name: 'Save my goal' }).click();
  const retry = renderedCard(page, "Target date can't be in the past.");
  await retry.waitFor();
  await retry.getByText('Please fix 1 field.').waitFor();
  assert.equal(await retry.getByLabel('Your goal, in your own words').inputValue(), 'Speak up in leadership meetings');
  assert.equal(await retry.getByLabel("Measurable: how will you know you've got there?").inputValue(), 'One idea in every meeting');
  await screenshot(page, 'playground-card-errors.png');

  // The empty click never reached the bot: the first card it sent back already holds what was typed afterwards.
  const firstRetry = await e2e.personal.reply(since, (m) => inputsOf(cardOf(m)).targetDate?.value === pastDate);
  assert.equal(inputsOf(cardOf(firstRetry)).goal.value, 'Speak up in leadership meetings');

  // A date ahead: saved. The form is replaced by a read-only copy and the next question follows.
  await pickDate(retry, futureDate);
  await retry.getByRole('button', { name: 'Save my goal' }).click();
  const saved = renderedCard(page, 'Your goal (saved)');
  await saved.waitFor();
  await botBubble(page, 'See clearly where you are now').waitFor();
  const savedText = await saved.innerText();
  assert.match(savedText, /Speak up in leadership meetings/);
  assert.match(savedText, /31 March 2099/);
  assert.match(savedText, /One idea in every meeting/);
  assert.equal(await saved.locator('input, textarea, button').count(), 0, 'the saved card has no inputs or buttons');
  await screenshot(page, 'playground-card.png');

  // What the page showed is what the bot sent: the retry card updated in place, by its own message id.
  const update = e2e.stream.messages.slice(since).find((m) => m.action === 'updateMessage');
  assert.ok(update, 'the bot updated the card');
  assert.equal(update.message.messageId, firstRetry.messageId);
  assert.deepEqual(errors, []);
  assertNothingElseLeftLoopback();
  await page.close();
});

test('a whole GROW conversation walked by typing and clicks, from "grow" to the summary card', async () => {
  const chat = e2e.personal;
  await chat.reset();
  const { page, errors } = await openPlayground();

  // The frame's beginning, typed (its choice buttons cannot be clicked here: see the todo test below).
  await startGrowInPage(page);
  await answer(page, 'Clarity on my next step as a manager', texting(say.time));
  await botBubble(page, 'How much time do you have for this now?').waitFor();
  await answer(page, '20 minutes', texting(say.contract));
  await botBubble(page, 'Shall we start?').waitFor();
  await answer(page, 'yes', goalForm);

  // Goal: the goal, one SMART answer and a date ahead, typed into the card's inputs.
  const goal = renderedCard(page, 'Save my goal');
  await goal.waitFor();
  await goal.getByLabel('Your goal, in your own words').fill('Speak up in leadership meetings');
  await goal.getByLabel('Specific: what exactly will be different?').fill('I offer one idea in every meeting');
  await pickDate(goal, futureDate);
  await goal.scrollIntoViewIfNeeded();
  await screenshot(page, 'playground-walk-goal-card.png');
  await click(goal, 'Save my goal', texting(say.reality));
  await renderedCard(page, 'Your goal (saved)').waitFor();

  // Reality, typed; Options listed on their card.
  await answer(page, "I stay quiet when the VP is there; I've tried preparing notes", optionsForm);
  const options = renderedCard(page, 'Save my options');
  await options.waitFor();
  await options.getByLabel('Option 1').fill('Ask for a mentor');
  await options.getByLabel('Option 2').fill('Shadow a peer');
  await click(options, 'Save my options', weighForm);

  // Weighing: impact and ease for each option from their drop-downs, one option chosen.
  const weigh = renderedCard(page, 'Save my choice');
  await weigh.waitFor();
  const mentor = section(weigh, 'Ask for a mentor');
  await choose(mentor, 'Impact (1 to 5)', '4');
  await choose(mentor, 'Ease (1 to 5)', '3');
  await mentor.getByLabel('For and against it').fill('Experience on tap');
  await mentor.getByRole('checkbox', { name: 'I choose this option' }).check();
  const peer = section(weigh, 'Shadow a peer');
  await choose(peer, 'Impact (1 to 5)', '3');
  await choose(peer, 'Ease (1 to 5)', '4');
  await screenshot(page, 'playground-walk-weigh-card.png');
  await click(weigh, 'Save my choice', actionsForm);

  // Will: the first action's what, date and confidence.
  const actions = renderedCard(page, 'Save my actions');
  await actions.waitFor();
  const first = section(actions, 'Action 1');
  await first.getByLabel('What will you do?').fill('Email my manager about a mentor');
  await pickDate(first, '2099-03-06');
  await choose(first, 'Confidence (1 to 10)', '8');
  await click(actions, 'Save my actions', texting(say.contractCheck));
  await renderedCard(page, 'Your actions (saved)').waitFor();

  // The close: the contract check and the follow-up typed, FIRST rated on its card.
  await answer(page, 'Yes', texting(say.followUp));
  await answer(page, 'tomorrow', firstForm);
  const ratings = renderedCard(page, 'Save my ratings');
  await ratings.waitFor();
  for (const [factor, rating] of [['Focus', '4'], ['Informed', '3'], ['Realistic', '4'], ['Scope', '3'], ['Tactics', '5']]) {
    await choose(ratings, new RegExp(`^${factor}: `), rating);
  }
  await ratings.getByLabel("Anything you'd like to add? (optional)").fill('Useful to write it down');
  const since = await click(ratings, 'Save my ratings', texting(say.closing));

  // The summary card, as the page shows it.
  await chat.reply(since, (m) => /Your GROW conversation/.test(JSON.stringify(cardOf(m) ?? '')));
  const summary = renderedCard(page, 'Your GROW conversation');
  await summary.waitFor();
  await summary.scrollIntoViewIfNeeded();
  await screenshot(page, 'playground-walk-summary.png');
  const shown = await summary.innerText();
  assert.match(shown, /Speak up in leadership meetings \(by 31 March 2099\)/);
  assert.match(shown, /Options you chose\s+Ask for a mentor\s+Actions/);
  assert.doesNotMatch(shown, /Shadow a peer/, 'an option not chosen is left out');
  assert.match(shown, /6 March 2099\s+Email my manager about a mentor/);
  assert.match(shown, /Next check-in\s+\d{1,2} [A-Z][a-z]+ \d{4}/);
  assert.match(shown, /Tactics\s+5\/5/);
  // Every form on the page was replaced by its saved copy: nothing is left to fill in.
  await renderedCard(page, 'Your ratings (saved)').waitFor();
  assert.equal(await page.locator('.ac-adaptiveCard').getByRole('button', { name: /^Save my / }).count(), 0);
  assert.deepEqual(errors, []);
  assertNothingElseLeftLoopback();
  await page.close();
});

test(
  'a choice button (an Action.Submit with msteams imBack data, as Teams documents) posts its label as the user\'s answer',
  { todo: "Agents Playground 0.2.28's page throws \"Cannot add property msTeams, object is not extensible\" on such a click and sends nothing" },
  async () => {
    await e2e.personal.reset();
    const { page } = await openPlayground();
    try {
      await startGrowInPage(page);
      await typeMessage(page, 'Clarity on my next step as a manager');
      const buttons = renderedCard(page, '20 minutes');
      await buttons.waitFor();
      const since = e2e.stream.mark();

      await buttons.getByRole('button', { name: '20 minutes' }).click();

      await e2e.personal.reply(since, (m) => /Shall we start\?$/.test(m.text ?? ''), { timeoutMs: 5_000 });
    } finally {
      await page.close();
    }
  },
);
