import assert from 'node:assert/strict';
import { cardActions, cardElements, cardOf, inputsOf } from './conversation.mjs';

/**
 * What the bot says at the steps of GROW that are not cards, in one place for every test file. Each is a short,
 * stable part of its text (a question's ending, a stage's bold title), never a whole welcome or help sentence, so
 * rewording around them does not break the tests.
 */
export const say = {
  personalWelcome: /I'm \*\*CoachingBot\*\*/,
  groupWelcome: /^Hello everyone, I'm \*\*CoachingBot\*\*/,
  help: /^Here is what I can do/,
  resume: /You have an unfinished \*\*GROW\*\* conversation/,
  recap: /How did it go\?$/,
  opening: /^Let's have a \*\*GROW\*\* conversation/,
  need: /what would you like to get from this conversation\?$/,
  time: /How much time do you have for this now\?$/,
  contract: /Shall we start\?$/,
  goal: /\*\*Goal\*\*: Decide what you want/,
  reality: /\*\*Reality\*\*: See clearly where you are now/,
  options: /\*\*Options\*\*: Find several ways forward/,
  weigh: /Now weigh them up and choose what to take forward\.$/,
  will: /\*\*Will \(the way forward\)\*\*/,
  contractCheck: /did we do it\?/,
  followUp: /When would you like to look at your progress again\?/,
  first: /Last, how did this conversation go for you\?$/,
  closing: /^Thank you\. Here is a summary of our conversation/,
  fixTheCard: /^Some answers need another look; I've marked them on the card\.$/,
};

export const texting = (pattern) => (m) => pattern.test(m.text ?? '');

/** A predicate for the form whose card has all these inputs (input ids are the cards' stable names). */
export const formWith = (...ids) => (m) => {
  const inputs = inputsOf(cardOf(m));
  return ids.every((id) => id in inputs);
};
export const goalForm = formWith('goal', 'targetDate');
export const optionsForm = formWith('option1', 'option5');
export const weighForm = formWith('impact1', 'ease1', 'chosen1');
export const actionsForm = formWith('what1', 'byWhen1', 'confidence1');
export const firstForm = formWith('focus', 'informed', 'realistic', 'scope', 'tactics');

/**
 * A conversation's summary card: a new message (the saved copy of a form comes as an update of its own message) whose
 * card has nothing to fill in and shows the goal.
 */
export const summaryWith = (goal) => (m) => {
  const card = cardOf(m);
  return card !== undefined && Object.keys(inputsOf(card)).length === 0 && [...cardElements(card)].some((e) => e.text?.startsWith(goal));
};

/** Every text a card shows: its text blocks and its facts' titles and values, Action.ShowCard cards included. */
export function shownOn(card) {
  return [...cardElements(card)].flatMap((e) => [e.text, ...(e.facts ?? []).flatMap((f) => [f.title, f.value])]).filter(Boolean);
}

/**
 * What pressing the card's button sends: the Action.Submit's own data merged with the inputs' values, as the
 * Adaptive Cards renderer builds it.
 */
export function submitValue(form, inputs) {
  const submit = [...cardActions(cardOf(form))].find((action) => action.type === 'Action.Submit');
  assert.ok(submit, 'the form has an Action.Submit');
  return { ...(submit.data ?? {}), ...inputs };
}

/** Submits a form and waits for the bot's next message matching `next`; returns the stream position and that message. */
export async function submitForm(chat, form, inputs, next) {
  const since = await chat.submit(form.messageId, submitValue(form, inputs));
  return { since, next: await chat.reply(since, next) };
}

/**
 * Types "grow" in a clean chat and returns the first question: declines to resume a draft an earlier test left, and
 * leaves open the actions an earlier conversation agreed (a new conversation reviews them first, one question each).
 */
export async function startGrow(chat) {
  await chat.reset();
  const opened = (m) => say.need.test(m.text ?? '') || say.recap.test(m.text ?? '');
  let first = await chat.ask('grow', (m) => opened(m) || say.resume.test(m.text ?? ''));
  if (say.resume.test(first.text)) {
    first = await chat.ask('no', opened);
  }
  while (say.recap.test(first.text ?? '')) {
    first = await chat.ask('Still open', opened);
  }
  return first;
}

/**
 * What a client types where each card waits: the goal with its date in words, the options one a line, the option
 * taken forward by its number, the actions one a line with "by" a date, and the five FIRST ratings as numbers.
 */
export function typedAnswers(tag = '') {
  return {
    need: `Clarity on how to be heard at work${tag}`,
    goal: `Be heard in the weekly planning meeting${tag}`,
    targetDate: '30 April 2099',
    reality: 'I prepare points but never find a gap to say them',
    options: ['Ask the chair for a slot on the agenda', 'Send my points in writing first'],
    actions: [
      { what: `Ask Alex for an agenda slot${tag}`, byWhen: '2099-04-06', inWords: '6 April 2099' },
      { what: `Write my three points for Monday${tag}`, byWhen: '2099-04-13', inWords: '13 April 2099' },
    ],
    ratings: '4 4 4 3 5',
  };
}

/**
 * From "grow" to the Will stage with every answer typed, checking each is taken as typed; returns the actions card,
 * which comes again filled in from the typed lines.
 */
export async function typeToActions(chat, typed) {
  await startGrow(chat);
  await chat.ask(typed.need, texting(say.time));
  await chat.ask('20 minutes', texting(say.contract));
  await chat.ask('yes', goalForm);

  // A goal with a date is the answer: no card to save, the Reality question next.
  let since = await chat.say(`${typed.goal} by ${typed.targetDate}`);
  await chat.reply(since, texting(say.reality));
  assert.ok(!chat.botMessagesSince(since).some(goalForm), 'the typed goal is taken, not put back in a card');

  // Four words or more: no deeper question, the options card next.
  await chat.ask(typed.reality, optionsForm);

  // Two options, one a line: both are weighed, so the weighing card comes; a number typed chooses.
  since = await chat.say(typed.options.join('\n'));
  const weigh = await chat.reply(since, weighForm);
  const weighed = inputsOf(cardOf(weigh));
  assert.ok('impact2' in weighed && !('impact3' in weighed), 'one row for each typed option');
  since = await chat.say('1');
  const actions = await chat.reply(since, actionsForm);
  assert.ok(!chat.botMessagesSince(since).some(weighForm), 'the typed choice is taken, not asked again');

  // Actions typed one a line: the card comes again with each line's action and date in it.
  since = await chat.say(typed.actions.map((action) => `${action.what} by ${action.inWords}`).join('\n'));
  const filled = await chat.reply(since, actionsForm);
  assert.notEqual(filled.messageId, actions.messageId);
  const inputs = inputsOf(cardOf(filled));
  typed.actions.forEach((action, i) => {
    assert.equal(inputs[`what${i + 1}`].value, action.what, `action ${i + 1} is in the card`);
    assert.equal(inputs[`byWhen${i + 1}`].value, action.byWhen, `action ${i + 1}'s date is in the card`);
  });
  return filled;
}

/**
 * From the filled actions card to the summary: the card saved as it came with a confidence for each action (the one
 * thing typing cannot give yet), then the close typed. Returns the summary message.
 */
export async function typeToSummary(chat, filled, typed) {
  const values = Object.fromEntries(Object.values(inputsOf(cardOf(filled))).filter((input) => input.value).map((input) => [input.id, input.value]));
  await submitForm(chat, filled, { ...values, confidence1: '8', confidence2: '9' }, texting(say.contractCheck));
  await chat.ask('Yes', texting(say.followUp));
  await chat.ask('in two weeks', firstForm);
  const since = await chat.say(typed.ratings);
  const summary = await chat.reply(since, summaryWith(typed.goal));
  assert.ok(!chat.botMessagesSince(since).some(firstForm), 'the typed ratings are taken, not put back in a card');
  return summary;
}
