// The bot driven through the Microsoft 365 Agents Playground's own API: every activity is built by Microsoft's
// Teams emulator and every reply goes through its Bot Connector, so what passes here is what the emulator accepts.
// One bot and one playground for the file; each test leaves the chat as it found it or resets it first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cardActions, cardElements, cardOf, inputsOf } from './support/conversation.mjs';
import { startE2E } from './support/harness.mjs';

const goalQuestion = /^Let's start with your \*\*Goal\*\*/;
const realityQuestion = /^Now the \*\*Reality\*\*/;
const helpText = /^Here is what I can do/;
const personalWelcome = /I'm \*\*CoachingBot\*\*, a coaching companion/;
const groupWelcome = /^Hello everyone, I'm \*\*CoachingBot\*\*/;
const fixTheCard = "Some answers need another look; I've marked them on the card.";
// Dates the bot's "not in the past" rule judges the same way on any day this code will run.
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

/** The goal card's form: a message whose card has the goal and target-date inputs. */
const isGoalForm = (m) => {
  const inputs = inputsOf(cardOf(m));
  return 'goal' in inputs && 'targetDate' in inputs;
};

/** Starts GROW and returns the goal form's message (the question comes as text just before it). */
async function startGrow(chat) {
  const since = await chat.say('grow');
  await chat.reply(since, (m) => goalQuestion.test(m.text ?? ''));
  return chat.reply(since, isGoalForm);
}

/** Walks GROW to its end: the goal card submitted with the given fields, then the reality typed; returns the summary. */
async function walkGrow(chat, goal, reality) {
  const form = await startGrow(chat);
  const since = await chat.submit(form.messageId, { card: 'goal', ...goal });
  const saved = await chat.update(since, form.messageId);
  await chat.reply(since, (m) => realityQuestion.test(m.text ?? ''));
  const summary = await chat.ask(reality, (m) => /^Here is what I heard/.test(m.text ?? ''));
  return { form, saved, summary };
}

describe('personal chat', () => {
  test('installing the app says the welcome once, though Teams sends two install events', async () => {
    const chat = e2e.personal;
    const since = await reinstall(chat);

    // Both install events are handled; a message after them shows whatever they said first.
    const help = await chat.ask('help', (m) => helpText.test(m.text));
    const said = chat.botMessagesSince(since).filter((m) => m.messageId !== help.messageId);
    assert.equal(said.length, 1, `one welcome expected, got: ${JSON.stringify(said.map((m) => m.text))}`);
    assert.match(said[0].text, personalWelcome);
    assert.match(said[0].text, /\*\*Who sees what:\*\* what you write to me here is seen by you and your coach only/);
    assert.match(said[0].text, /type \*\*grow\*\*/);
    assert.equal(said[0].textFormat, 'markdown');
  });

  test('help lists every command', async () => {
    const chat = e2e.personal;
    await chat.reset();

    const help = await chat.ask('help', (m) => helpText.test(m.text));

    for (const command of ['grow', 'egan', 'reflect', 'actions', 'help', 'cancel']) {
      assert.match(help.text, new RegExp(`^- \\*\\*${command}\\*\\*: `, 'm'), `help should list ${command}`);
    }
    assert.doesNotMatch(help.text, /mention me first/, 'the group-chat note is for group chats only');
  });

  test('grow takes the goal on a card, then the reality, and plays both back', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const goal = { goal: 'Speak up in leadership meetings', specific: 'Offer one idea in each meeting', targetDate: futureDate };
    const reality = "I stay quiet when the VP is there; I've tried preparing notes";

    const { form, saved, summary } = await walkGrow(chat, goal, reality);

    const card = cardOf(form);
    assert.equal(card.version, '1.5');
    assert.deepEqual(Object.keys(inputsOf(card)), ['goal', 'specific', 'measure', 'achievable', 'relevant', 'targetDate']);
    assert.deepEqual([...cardActions(card)].map((a) => [a.type, a.title]), [['Action.Submit', 'Save my goal']]);
    assert.equal(Object.keys(inputsOf(cardOf(saved))).length, 0, 'the saved copy is read-only');
    assert.match(summary.text, new RegExp(`\\*\\*Goal:\\*\\* ${escape(goal.goal)} \\(by 31 March 2099\\)\\n`));
    assert.match(summary.text, new RegExp(`\\*\\*Reality:\\*\\* ${escape(reality)}\\n`));
    // The conversation is over: a new "grow" starts from the goal card again.
    await startGrow(chat);
    await chat.reset();
  });

  test('help in the middle of grow answers and asks the same question again', async () => {
    const chat = e2e.personal;
    await chat.reset();
    await startGrow(chat);

    const since = await chat.say('help');
    const form = await chat.reply(since, isGoalForm);

    const said = chat.botMessagesSince(since);
    const upToForm = said.slice(0, said.indexOf(form) + 1);
    assert.equal(upToForm.length, 4, `help, "back to where we were", the goal question, its card: ${JSON.stringify(upToForm)}`);
    assert.match(upToForm[0].text, helpText);
    assert.equal(upToForm[1].text, 'Now, back to where we were:');
    assert.match(upToForm[2].text, goalQuestion);
    // Still at the goal step: the card shown again takes the goal.
    const next = await chat.submit(form.messageId, { card: 'goal', goal: 'Delegate more', targetDate: futureDate });
    await chat.reply(next, (m) => realityQuestion.test(m.text ?? ''));
    await chat.reset();
  });
});

describe('group chat', () => {
  test('installing the app in a group chat explains how to talk to the bot there', async () => {
    const chat = e2e.group;
    const since = await reinstall(chat);

    const help = await chat.ask('help', (m) => helpText.test(m.text));
    const said = chat.botMessagesSince(since).filter((m) => m.messageId !== help.messageId);
    assert.equal(said.length, 1, `one welcome expected, got: ${JSON.stringify(said.map((m) => m.text))}`);
    assert.match(said[0].text, groupWelcome);
    assert.match(said[0].text, /mention me, so start each message with \*\*@CoachingBot\*\*/);
    assert.match(help.text, /In this group chat, mention me first/);
  });

  test('grow works through @mentions and the card, and the mention is not taken as part of an answer', async () => {
    const chat = e2e.group;
    await chat.reset();
    const since = chat.stream.mark();
    const goal = { goal: 'Run shorter, sharper team meetings', targetDate: futureDate };
    const reality = 'Our weekly meeting overruns by 30 minutes';

    const { summary } = await walkGrow(chat, goal, reality);

    assert.match(summary.text, new RegExp(`\\*\\*Goal:\\*\\* ${escape(goal.goal)} \\(by 31 March 2099\\)`));
    assert.match(summary.text, new RegExp(`\\*\\*Reality:\\*\\* ${escape(reality)}\\n`));
    for (const message of chat.botMessagesSince(since)) {
      assert.doesNotMatch(message.text ?? '', /<at>|<\/at>|@?CoachingBot Our weekly/, `the bot echoed a mention: ${message.text}`);
    }
  });

  test('another member of the group can talk to the bot', async () => {
    const chat = e2e.group;
    const coach = e2e.config.users.find((user) => user.name === 'Sam Coach');
    assert.ok(coach, 'the template has a coach in the group chat');

    const help = await chat.ask('help', (m) => helpText.test(m.text), { from: coach.id });

    assert.match(help.text, /In this group chat, mention me first/);
  });
});

describe('goal card', () => {
  test('an empty or invalid submit comes back as the card with the values kept and each reason under its field', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const form = await startGrow(chat);

    const since = await chat.submit(form.messageId, { card: 'goal', goal: '   ', measure: 'Two ideas a month', targetDate: pastDate });
    const retry = await chat.reply(since, isGoalForm);

    const said = chat.botMessagesSince(since);
    assert.equal(said[0].text, fixTheCard);
    const card = cardOf(retry);
    const texts = [...cardElements(card)].map((e) => (e.type === 'TextBlock' ? `text:${e.text}` : `${e.type}:${e.id}`));
    assert.deepEqual(texts.slice(0, 1), ['text:Please fix 2 fields.']);
    assert.equal(texts[texts.indexOf('Input.Text:goal') + 1], 'text:Your goal is required.');
    assert.equal(texts[texts.indexOf('Input.Date:targetDate') + 1], "text:Target date can't be in the past.");
    const inputs = inputsOf(card);
    assert.equal(inputs.measure.value, 'Two ideas a month', 'what the user typed is kept');
    assert.equal(inputs.targetDate.value, pastDate);
    assert.equal(form.messageId === retry.messageId, false, 'the card comes again as a new message');

    // Then a valid submit of the re-sent card: it is replaced by a read-only copy and the next question follows.
    const next = await chat.submit(retry.messageId, { card: 'goal', goal: 'Share two ideas a month', measure: 'Two ideas a month', targetDate: futureDate });
    const saved = cardOf(await chat.update(next, retry.messageId));
    await chat.reply(next, (m) => realityQuestion.test(m.text ?? ''));
    assert.deepEqual(inputsOf(saved), {});
    assert.deepEqual([...cardActions(saved)], []);
    const shown = JSON.stringify(saved);
    assert.match(shown, /Share two ideas a month/);
    assert.match(shown, /"title":"Target date","value":"31 March 2099"/);
    assert.match(shown, /"title":"Measurable","value":"Two ideas a month"/);
    assert.doesNotMatch(shown, /"title":"Specific"/, 'fields left empty are not shown');
    await chat.reset();
  });

  test('a second click on a card already saved changes nothing and says so', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const form = await startGrow(chat);
    const first = await chat.submit(form.messageId, { card: 'goal', goal: 'Say no to one meeting a week', targetDate: futureDate });
    await chat.reply(first, (m) => realityQuestion.test(m.text ?? ''));

    const since = await chat.submit(form.messageId, { card: 'goal', goal: 'Something else', targetDate: futureDate });
    const again = await chat.reply(since, (m) => realityQuestion.test(m.text ?? ''));

    const said = chat.botMessagesSince(since);
    assert.deepEqual(said.slice(0, said.indexOf(again)).map((m) => m.text), ['That card has already been saved, so nothing has changed.']);
    const summary = await chat.ask('Too many recurring invites', (m) => /^Here is what I heard/.test(m.text ?? ''));
    assert.match(summary.text, /\*\*Goal:\*\* Say no to one meeting a week /);
  });

  test('typing instead of using the card asks for the card and shows it again', async () => {
    const chat = e2e.personal;
    await chat.reset();
    await startGrow(chat);

    const since = await chat.say('My goal is to delegate more');
    const form = await chat.reply(since, isGoalForm);

    const said = chat.botMessagesSince(since);
    assert.equal(said[0].text, "Please use the card's button to send your answers.");
    assert.equal(inputsOf(cardOf(form)).goal.value, undefined, 'the typed text is not put into the card');
    await chat.reset();
  });
});

describe('bad input', () => {
  test('a card submit while the bot waits for typed text is answered and the conversation carries on', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const form = await startGrow(chat);
    const next = await chat.submit(form.messageId, { card: 'goal', goal: 'Plan my week on Mondays', targetDate: futureDate });
    const asked = await chat.reply(next, (m) => realityQuestion.test(m.text ?? ''));

    const since = await chat.submit(asked.messageId, { bogus: true, nested: { deeper: [1, 2] } });
    const again = await chat.reply(since, (m) => realityQuestion.test(m.text ?? ''));

    const said = chat.botMessagesSince(since);
    assert.deepEqual(said.slice(0, said.indexOf(again) + 1).map((m) => m.text), ['Please type your answer.', again.text]);
    await chat.ask('Mondays fill up with meetings', (m) => /^Here is what I heard/.test(m.text ?? ''));
  });

  test('a card submit with no dialog in progress gets the "didn\'t catch that" answer', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const help = await chat.ask('help', (m) => helpText.test(m.text));

    const since = await chat.submit(help.messageId, {});
    const answer = await chat.reply(since);

    assert.match(answer.text, /^I didn't catch that\. Type \*\*grow\*\*/);
  });

  test('an Action.Execute the bot does not know gets a message, not an error', async () => {
    const chat = e2e.personal;
    const help = await chat.ask('help', (m) => helpText.test(m.text));

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
    await chat.ask('help', (m) => helpText.test(m.text));
  });

  test('an invoke the bot does not handle is refused with 501, and the chat still works', async () => {
    const chat = e2e.personal;
    const help = await chat.ask('help', (m) => helpText.test(m.text));

    const answer = await e2e.client.invoke(chat.id, {
      from: chat.user.id,
      name: 'message/submitAction',
      value: { action: 'feedback', actionValue: { reaction: 'like' } },
      replyToId: help.messageId,
    });

    // The playground reports a bot's non-2xx invoke answer as its own 502, naming the bot's status.
    assert.equal(answer.status, 502);
    assert.equal(answer.body.innerHttpError?.statusCode, 501);
    await chat.ask('help', (m) => helpText.test(m.text));
  });
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
