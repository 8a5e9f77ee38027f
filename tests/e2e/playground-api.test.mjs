// The bot driven through the Microsoft 365 Agents Playground's own API: every activity is built by Microsoft's
// Teams emulator and every reply goes through its Bot Connector, so what passes here is what the emulator accepts.
// One bot and one playground for the file; each test leaves the chat as it found it or resets it first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startE2E } from './support/harness.mjs';

const goalQuestion = /^Let's start with your \*\*Goal\*\*/;
const realityQuestion = /^Now the \*\*Reality\*\*/;
const helpText = /^Here is what I can do/;
const personalWelcome = /I'm \*\*CoachingBot\*\*, a coaching companion/;
const groupWelcome = /^Hello everyone, I'm \*\*CoachingBot\*\*/;

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

/** Walks GROW's two questions with the given answers (as typed, mention included in a group) and returns the summary. */
async function walkGrow(chat, goal, reality) {
  const goalAsked = await chat.ask('grow', (m) => goalQuestion.test(m.text));
  const realityAsked = await chat.ask(goal, (m) => realityQuestion.test(m.text));
  const summary = await chat.ask(reality, (m) => /^Here is what I heard/.test(m.text));
  return { goalAsked, realityAsked, summary };
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

  test('grow asks for the goal, then the reality, and plays both back', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const goal = 'Speak up in leadership meetings by March';
    const reality = "I stay quiet when the VP is there; I've tried preparing notes";

    const { goalAsked, realityAsked, summary } = await walkGrow(chat, goal, reality);

    assert.equal(goalAsked.textFormat, 'markdown');
    assert.match(realityAsked.text, /What have you tried so far/);
    assert.match(summary.text, new RegExp(`\\*\\*Goal:\\*\\* ${escape(goal)}\\n`));
    assert.match(summary.text, new RegExp(`\\*\\*Reality:\\*\\* ${escape(reality)}\\n`));
    // The conversation is over: a new "grow" starts from the goal again.
    await chat.ask('grow', (m) => goalQuestion.test(m.text));
    await chat.reset();
  });

  test('help in the middle of grow answers and asks the same question again', async () => {
    const chat = e2e.personal;
    await chat.reset();
    await chat.ask('grow', (m) => goalQuestion.test(m.text));

    const since = await chat.say('help');
    const again = await chat.reply(since, (m) => goalQuestion.test(m.text));

    const texts = chat.botMessagesSince(since).map((m) => m.text);
    assert.equal(texts.indexOf(again.text), 2, `help, "back to where we were", the goal question: ${JSON.stringify(texts)}`);
    assert.match(texts[0], helpText);
    assert.equal(texts[1], 'Now, back to where we were:');
    // Still at the goal step: the next answer is taken as the goal.
    await chat.ask('Delegate more', (m) => realityQuestion.test(m.text));
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

  test('grow works through @mentions, and the mention is not taken as part of an answer', async () => {
    const chat = e2e.group;
    await chat.reset();
    const since = chat.stream.mark();
    const goal = 'Run shorter, sharper team meetings';
    const reality = 'Our weekly meeting overruns by 30 minutes';

    const { summary } = await walkGrow(chat, goal, reality);

    assert.match(summary.text, new RegExp(`\\*\\*Goal:\\*\\* ${escape(goal)}\\n`));
    assert.match(summary.text, new RegExp(`\\*\\*Reality:\\*\\* ${escape(reality)}\\n`));
    for (const message of chat.botMessagesSince(since)) {
      assert.doesNotMatch(message.text, /<at>|<\/at>/, `the bot echoed a mention: ${message.text}`);
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

describe('bad input', () => {
  test('a card submit the bot is not waiting for is answered and the conversation carries on', async () => {
    const chat = e2e.personal;
    await chat.reset();
    const asked = await chat.ask('grow', (m) => goalQuestion.test(m.text));

    const since = await chat.submit(asked.messageId, { bogus: true, nested: { deeper: [1, 2] } });
    const again = await chat.reply(since, (m) => goalQuestion.test(m.text));

    const said = chat.botMessagesSince(since);
    assert.deepEqual(said.slice(0, said.indexOf(again) + 1).map((m) => m.text), ['Please type your answer.', again.text]);
    await chat.ask('Plan my week on Mondays', (m) => realityQuestion.test(m.text));
    await chat.reset();
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
