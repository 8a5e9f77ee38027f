// The bot driven through the Microsoft 365 Agents Playground's own API: every activity is built by Microsoft's
// Teams emulator and every reply goes through its Bot Connector, so what passes here is what the emulator accepts.
// One bot and one playground for the file; each test resets the chat it uses first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cardActions, cardElements, cardOf, inputsOf } from './support/conversation.mjs';
import {
  actionsForm,
  firstForm,
  goalForm,
  optionsForm,
  say,
  shownOn,
  startGrow,
  submitForm,
  submitValue,
  texting,
  typedAnswers,
  typeToActions,
  typeToSummary,
  weighForm,
} from './support/grow.mjs';
import { startE2E } from './support/harness.mjs';

// Dates the bot's "not in the past" rules judge the same way on any day this code will run.
const futureDate = '2099-03-31';
const pastDate = '2000-01-01';

let e2e;

before(async () => {
  e2e = await startE2E({ name: 'playground-api' });
});

after(async () => {
  await e2e?.stop();
});

/**
 * Removes and re-installs the app in a chat through the playground, and waits until the bot has handled both
 * install events Teams sends (installationUpdate "add" and conversationUpdate with the bot added).
 */
async function reinstall(chat) {
  const bot = e2e.bot.process;
  let mark = bot.lines.length;
  await e2e.client.mockActivity(chat.id, 'uninstall');
  await bot.waitForLine(/Bot removed from a \w+ conversation/, 10_000, mark);

  mark = bot.lines.length;
  const since = chat.stream.mark();
  await e2e.client.install(chat.id);
  await bot.waitForLine(/Bot added to a \w+ conversation \(new: True\)/, 10_000, mark);
  await bot.waitForLine(/Bot added to a \w+ conversation \(new: False\)/, 10_000, mark);
  return since;
}

/** Starts GROW from a clean chat and answers the frame's beginning; returns the goal card. */
async function toGoalForm(chat) {
  await startGrow(chat);
  await chat.ask('Clarity on my next step as a manager', texting(say.time));
  await chat.ask('20 minutes', texting(say.contract));
  const since = await chat.say('yes');
  await chat.reply(since, texting(say.goal));
  return chat.reply(since, goalForm);
}

describe('personal chat', () => {
  test('installing the app says the welcome once, though Teams sends two install events', async () => {
    const chat = e2e.personal;
    const since = await reinstall(chat);

    // Both install events are handled; a message after them shows whatever they said first.
    const help = await chat.ask('help', texting(say.help));
    const said = chat.botMessagesSince(since).filter((m) => m.messageId !== help.messageId);
    assert.equal(said.length, 1, `one welcome expected, got: ${JSON.stringify(said.map((m) => m.text))}`);
    assert.match(said[0].text, say.personalWelcome);
    assert.match(said[0].text, /\*\*Who sees what:\*\* what you write to me here is saved for you/);
    assert.match(said[0].text, /type \*\*start\*\*/);
    assert.equal(said[0].textFormat, 'markdown');
  });

  test('help lists every command', async () => {
    const chat = e2e.personal;
    await chat.reset();

    const help = await chat.ask('help', texting(say.help));

    const listed = [...help.text.matchAll(/^- \*\*(\w+)\*\*: /gm)].map((match) => match[1]);
    assert.deepEqual(listed, ['start', 'grow', 'egan', 'aligraham', 'actions', 'history', 'reflect', 'help', 'cancel']);
    assert.doesNotMatch(help.text, /mention me first/, 'the group-chat note is for group chats only');
  });

  test('grow walked to its end: the frame, every stage with its card, each card replaced once saved, and the summary', async () => {
    const chat = e2e.personal;
    const goal = await toGoalForm(chat);

    let step = await submitForm(chat, goal, { goal: 'Speak up in leadership meetings', specific: 'One idea in each meeting', targetDate: futureDate }, texting(say.reality));
    const savedGoal = cardOf(await chat.update(step.since, goal.messageId));

    let since = await chat.say("I stay quiet when the VP is there; I've tried preparing notes");
    await chat.reply(since, texting(say.options));
    const options = await chat.reply(since, optionsForm);

    step = await submitForm(chat, options, { option1: 'Ask for a mentor', option2: 'Shadow a peer', option3: '', option4: '', option5: '' }, weighForm);
    const savedOptions = cardOf(await chat.update(step.since, options.messageId));
    const weigh = step.next;
    assert.deepEqual(Object.keys(inputsOf(cardOf(weigh))).filter((id) => id.startsWith('impact')), ['impact1', 'impact2'], 'one row per option listed');

    step = await submitForm(chat, weigh, { impact1: '4', ease1: '3', pro1: 'Experience on tap', con1: '', chosen1: 'true', impact2: '3', ease2: '4', pro2: '', con2: '', chosen2: 'false' }, actionsForm);
    await chat.update(step.since, weigh.messageId);
    const actions = step.next;
    assert.ok(chat.botMessagesSince(step.since).some(texting(say.will)), 'the Will stage asks for the actions');

    step = await submitForm(chat, actions, { what1: 'Email my manager about a mentor', byWhen1: '2099-03-06', confidence1: '8', what2: 'Book an hour with Sam', byWhen2: '2099-03-13', support2: "Sam's diary", confidence2: '7' }, texting(say.contractCheck));
    const savedActions = cardOf(await chat.update(step.since, actions.messageId));
    assert.match(step.next.text, /You said you wanted: \*Clarity on my next step as a manager\*/);

    await chat.ask('Yes', texting(say.followUp));
    since = await chat.say('tomorrow');
    await chat.reply(since, texting(say.first));
    const first = await chat.reply(since, firstForm);

    step = await submitForm(chat, first, { focus: '4', informed: '3', realistic: '4', scope: '3', tactics: '5', comment: 'Useful to write it down' }, texting(say.closing));
    await chat.update(step.since, first.messageId);
    const summary = cardOf(await chat.reply(step.since, (m) => cardOf(m) !== undefined));

    for (const saved of [savedGoal, savedOptions, savedActions]) {
      assert.deepEqual(inputsOf(saved), {}, 'a saved copy has no inputs');
      assert.deepEqual([...cardActions(saved)], [], 'a saved copy has no buttons');
    }
    assert.match(JSON.stringify(savedGoal), /Speak up in leadership meetings/);
    assert.match(JSON.stringify(savedActions), /Book an hour with Sam/);
    const shown = shownOn(summary);
    for (const expected of ['Your GROW conversation', 'Speak up in leadership meetings (by 31 March 2099)', "I stay quiet when the VP is there; I've tried preparing notes", '- Ask for a mentor', 'Email my manager about a mentor', 'Book an hour with Sam', "When you'll look at progress again", '5/5']) {
      assert.ok(shown.includes(expected), `the summary shows "${expected}": ${JSON.stringify(shown)}`);
    }
    assert.ok(!shown.some((text) => text.includes('Shadow a peer')), 'options not chosen are left out of the summary');
  });

  test('the actions agreed are listed by "actions", and a status changed on that card is saved', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const goal = await toGoalForm(chat);
    // A short way to an action: cancel is not enough (nothing is saved before the actions card), so walk the middle.
    await submitForm(chat, goal, { goal: 'Delegate the weekly report', targetDate: futureDate }, texting(say.reality));
    let since = await chat.say('I write it myself every Friday');
    const options = await chat.reply(since, optionsForm);
    // A single option is the one taken forward: no weighing card.
    const actions = (await submitForm(chat, options, { option1: 'Hand it to Kim' }, actionsForm)).next;
    await submitForm(chat, actions, { what1: 'Show Kim how the report is built', byWhen1: '2099-04-03', confidence1: '9' }, texting(say.contractCheck));
    await chat.reset();

    since = await chat.say('actions');
    const list = await chat.reply(since, (m) => /Your open actions/.test(JSON.stringify(cardOf(m) ?? '')));
    const card = cardOf(list);
    const row = [...cardElements(card)].find((e) => e.type === 'Container' && e.items?.some((item) => item.text === 'Show Kim how the report is built'));
    const status = row?.items.find((item) => item.type === 'Input.ChoiceSet');
    assert.ok(status, 'the new action is on the list with a status to change');
    assert.equal(status.value, 'Open');

    // The renderer sends every input: each action's current status, with this one changed.
    const current = Object.fromEntries(Object.values(inputsOf(card)).map((input) => [input.id, input.value]));
    const saved = await submitForm(chat, list, { ...current, [status.id]: 'Done' }, texting(/^Saved\. \d+ actions? updated\.$/));
    const updated = await chat.update(saved.since, list.messageId);
    assert.doesNotMatch(JSON.stringify(updated), /Show Kim how the report is built/, 'a done action leaves the open list');
  });

  test('help in the middle of grow answers and asks the same question again', async () => {
    const chat = e2e.personal;
    await toGoalForm(chat);

    const since = await chat.say('help');
    const form = await chat.reply(since, goalForm);

    const said = chat.botMessagesSince(since);
    const texts = said.slice(0, said.indexOf(form)).map((m) => m.text);
    assert.match(texts[0], say.help);
    assert.equal(texts[1], 'Now, back to where we were:');
    assert.match(texts.at(-1), say.goal);
    // Still at the goal step: the card shown again takes the goal.
    await submitForm(chat, form, { goal: 'Delegate more', targetDate: futureDate }, texting(say.reality));
  });

  test('cancel keeps the answers as a draft, and grow then offers to pick it up where it stopped', async () => {
    const chat = e2e.personal;
    const goal = await toGoalForm(chat);
    await submitForm(chat, goal, { goal: 'Say no to one meeting a week', targetDate: futureDate }, texting(say.reality));

    await chat.ask('cancel', texting(/^Stopped\. What you answered is saved as a draft/));
    await chat.ask('grow', texting(say.resume));
    const since = await chat.say('yes');
    const resumed = await chat.reply(since, texting(say.reality));

    assert.ok(chat.botMessagesSince(since).some(texting(/^Welcome back\. Let's pick up your \*\*GROW\*\* conversation/)));
    assert.ok(!chat.botMessagesSince(since).slice(0, chat.botMessagesSince(since).indexOf(resumed)).some(goalForm), 'the goal is not asked again');
  });
});

describe('typed answers', () => {
  test('grow with every answer typed instead of using its cards reaches the summary', async () => {
    const chat = e2e.personal;
    const typed = typedAnswers();
    const filled = await typeToActions(chat, typed);

    // Actions typed without a confidence fill the card, which is saved with one (the next test types it instead).
    const summary = cardOf(await typeToSummary(chat, filled, typed));

    const shown = shownOn(summary);
    for (const expected of [typed.need, `${typed.goal} (by ${typed.targetDate})`, typed.reality, `- ${typed.options[0]}`, ...typed.actions.map((a) => a.what), '3/5', '5/5']) {
      assert.ok(shown.includes(expected), `the summary shows "${expected}": ${JSON.stringify(shown)}`);
    }
    assert.ok(!shown.some((text) => text.includes(typed.options[1])), 'the option not chosen is left out');
  });

  test('actions typed again with their confidence are the answer, with no card to save', async () => {
    const chat = e2e.personal;
    const typed = typedAnswers();
    await typeToActions(chat, typed);

    const since = await chat.say(typed.actions.map((action) => `${action.what} by ${action.inWords}, confidence 8`).join('\n'));

    await chat.reply(since, texting(say.contractCheck));
    assert.ok(!chat.botMessagesSince(since).some(actionsForm), 'the typed actions are taken, not put back in a card');
  });
});

describe('group chat', () => {
  test('installing the app in a group chat explains how to talk to the bot there', async () => {
    const chat = e2e.group;
    const since = await reinstall(chat);

    const help = await chat.ask('help', texting(say.help));
    const said = chat.botMessagesSince(since).filter((m) => m.messageId !== help.messageId);
    assert.equal(said.length, 1, `one welcome expected, got: ${JSON.stringify(said.map((m) => m.text))}`);
    assert.match(said[0].text, say.groupWelcome);
    assert.match(said[0].text, /mention me, so start each message with \*\*@CoachingBot\*\*/);
    assert.match(help.text, /In this group chat, mention me first/);
  });

  test('grow through @mentions: questions name whose turn it is, another member is told to wait, mentions are not echoed', async () => {
    const chat = e2e.group;
    const client = e2e.config.currentUser;
    const coach = e2e.config.users.find((user) => user.name === 'Sam Coach');
    assert.ok(coach, 'the template has a coach in the group chat');
    const since = chat.stream.mark();
    const goal = await toGoalForm(chat);
    const answer = { goal: 'Run shorter, sharper team meetings', targetDate: futureDate };

    // The playground sends typed messages as its signed-in user only; another member acts through the card.
    const early = await chat.submit(goal.messageId, submitValue(goal, answer), { from: coach.id });
    const told = await chat.reply(early, texting(/^I'm waiting for/));
    assert.equal(told.text, `I'm waiting for **${client.name}** to answer. (Anyone can type **help**.)`);

    const step = await submitForm(chat, goal, answer, texting(say.reality));
    assert.ok(step.next.text.startsWith(`**${client.name}**, over to you. `), step.next.text);
    await chat.update(step.since, goal.messageId);
    await chat.ask('Our weekly meeting overruns by 30 minutes', texting(say.options));

    for (const message of chat.botMessagesSince(since)) {
      assert.doesNotMatch(message.text ?? '', /<at>|<\/at>/, `the bot echoed a mention: ${message.text}`);
    }
    await chat.reset();
  });
});

describe('goal card', () => {
  test('an empty or invalid submit comes back as the card with the values kept and each reason under its field', async () => {
    const chat = e2e.personal;
    const form = await toGoalForm(chat);

    const { since, next: retry } = await submitForm(chat, form, { goal: '   ', measure: 'Two ideas a month', targetDate: pastDate }, goalForm);

    assert.match(chat.botMessagesSince(since)[0].text, say.fixTheCard);
    const card = cardOf(retry);
    const lines = [...cardElements(card)].map((e) => (e.type === 'TextBlock' ? `text:${e.text}` : `${e.type}:${e.id}`));
    assert.equal(lines[0], 'text:Please fix 2 fields.');
    assert.equal(lines[lines.indexOf('Input.Text:goal') + 1], 'text:Your goal is required.');
    assert.equal(lines[lines.indexOf('Input.Date:targetDate') + 1], "text:Target date can't be in the past.");
    const inputs = inputsOf(card);
    assert.equal(inputs.measure.value, 'Two ideas a month', 'what the user typed is kept');
    assert.equal(inputs.targetDate.value, pastDate);
    assert.notEqual(retry.messageId, form.messageId, 'the card comes again as a new message');

    // Then a valid submit of the re-sent card: it is replaced by a read-only copy and the next question follows.
    const done = await submitForm(chat, retry, { goal: 'Share two ideas a month', measure: 'Two ideas a month', targetDate: futureDate }, texting(say.reality));
    const saved = cardOf(await chat.update(done.since, retry.messageId));
    assert.deepEqual(inputsOf(saved), {});
    assert.deepEqual([...cardActions(saved)], []);
    const shown = JSON.stringify(saved);
    assert.match(shown, /Share two ideas a month/);
    assert.match(shown, /"title":"Target date","value":"31 March 2099"/);
    assert.match(shown, /"title":"Measurable","value":"Two ideas a month"/);
    assert.doesNotMatch(shown, /"title":"Specific"/, 'fields left empty are not shown');
  });

  test('a second click on a card already saved changes nothing and says so', async () => {
    const chat = e2e.personal;
    const form = await toGoalForm(chat);
    await submitForm(chat, form, { goal: 'Say no to one meeting a week', targetDate: futureDate }, texting(say.reality));

    const { since, next: again } = await submitForm(chat, form, { goal: 'Something else', targetDate: futureDate }, texting(say.reality));

    const said = chat.botMessagesSince(since);
    assert.deepEqual(said.slice(0, said.indexOf(again)).map((m) => m.text), ['That card has already been saved, so nothing has changed.']);
  });

  test('a goal typed instead of using the card is put into the card, which comes again for the date', async () => {
    const chat = e2e.personal;
    await toGoalForm(chat);

    const since = await chat.say('My goal is to delegate more');
    const form = await chat.reply(since, goalForm);

    assert.match(chat.botMessagesSince(since)[0].text, /^I've put that in the card as your goal\./);
    assert.equal(inputsOf(cardOf(form)).goal.value, 'My goal is to delegate more', 'the typed goal is in the card');
  });
});

describe('bad input', () => {
  test('a card submit while the bot waits for typed text is answered and the conversation carries on', async () => {
    const chat = e2e.personal;
    const asked = await startGrow(chat);

    const since = await chat.submit(asked.messageId, { bogus: true, nested: { deeper: [1, 2] } });
    const again = await chat.reply(since, texting(say.need));

    const said = chat.botMessagesSince(since);
    assert.deepEqual(said.slice(0, said.indexOf(again) + 1).map((m) => m.text), ['Please type your answer.', again.text]);
    await chat.ask('To plan my week', texting(say.time));
  });

  test('a card submit with no dialog in progress gets the "didn\'t catch that" answer', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const help = await chat.ask('help', texting(say.help));

    const since = await chat.submit(help.messageId, {});
    const answer = await chat.reply(since);

    assert.match(answer.text, /^I didn't catch that\. Type \*\*start\*\*/);
  });

  test('an Action.Execute the bot does not know gets a message, not an error', async () => {
    const chat = e2e.personal;
    const help = await chat.ask('help', texting(say.help));

    const answer = await e2e.client.invoke(chat.id, {
      from: chat.user.id,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'no-such-verb', data: { x: 1 } } },
      replyToId: help.messageId,
    });

    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      type: 'application/vnd.microsoft.activity.message',
      value: "That card's action isn't available. Type **help** to see what I can do.",
    });
    await chat.ask('help', texting(say.help));
  });

  test('an invoke the bot does not handle is refused with 501, and the chat still works', async () => {
    const chat = e2e.personal;
    const help = await chat.ask('help', texting(say.help));

    const answer = await e2e.client.invoke(chat.id, {
      from: chat.user.id,
      name: 'message/submitAction',
      value: { action: 'feedback', actionValue: { reaction: 'like' } },
      replyToId: help.messageId,
    });

    // The playground reports a bot's non-2xx invoke answer as its own 502, naming the bot's status.
    assert.equal(answer.status, 502);
    assert.equal(answer.body.innerHttpError?.statusCode, 501);
    await chat.ask('help', texting(say.help));
  });
});
