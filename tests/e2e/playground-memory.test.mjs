// What the bot remembers of a finished conversation, through the playground's API: `history` lists it and shows its
// summary again, and the next `grow` opens with its goal and asks about its open actions. A bot and database of its
// own, so what is remembered is only what this file's conversation left.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cardActions, cardElements, cardOf } from './support/conversation.mjs';
import { say, shownOn, summaryWith, texting, typedAnswers, typeToActions, typeToSummary } from './support/grow.mjs';
import { startE2E } from './support/harness.mjs';

let e2e;
// The finished conversation every test here looks back at: typed through to its summary in `before`.
const typed = typedAnswers(' (remembered)');

before(async () => {
  e2e = await startE2E({ name: 'playground-memory' });
  const chat = e2e.personal;
  await typeToSummary(chat, await typeToActions(chat, typed), typed);
});

after(async () => {
  await e2e?.stop();
});

/** The history card's button for the conversation whose row shows the goal: an Action.Submit the bot knows by its data. */
function openButtonFor(card, goal) {
  const row = [...cardElements(card)].find((e) => e.type === 'Container' && e.items?.some((item) => item.text === goal));
  assert.ok(row, `the history card lists the conversation about "${goal}": ${JSON.stringify(shownOn(card))}`);
  const buttons = [...cardActions({ body: row.items })].filter((action) => action.type === 'Action.Submit');
  assert.equal(buttons.length, 1, 'one button on the row');
  return buttons[0];
}

test('history lists the finished conversation, and its button shows that conversation\'s summary card again', async () => {
  const chat = e2e.personal;
  await chat.reset();

  let since = await chat.say('history');
  const list = await chat.reply(since, (m) => cardOf(m) !== undefined);
  const button = openButtonFor(cardOf(list), typed.goal);
  assert.equal(button.data?.card, 'history', 'the button names the history card, which the bot handles whenever it is pressed');

  since = await chat.submit(list.messageId, button.data);
  const summary = cardOf(await chat.reply(since, summaryWith(typed.goal)));
  const shown = shownOn(summary);
  for (const expected of [`${typed.goal} (by ${typed.targetDate})`, typed.reality, ...typed.actions.map((a) => a.what)]) {
    assert.ok(shown.includes(expected), `the summary shows "${expected}": ${JSON.stringify(shown)}`);
  }
});

test('in a group chat history shows no list, and its button pressed there by another member shows nothing of the conversation', async () => {
  const personal = e2e.personal;
  let since = await personal.say('history');
  const { data } = openButtonFor(cardOf(await personal.reply(since, (m) => cardOf(m) !== undefined)), typed.goal);

  const group = e2e.group;
  await group.reset();
  since = await group.say('history');
  const refused = await group.reply(since);
  assert.equal(cardOf(refused), undefined, 'no history card where everyone would read it');

  // The playground lets another member of the group chat act only through a card: the history button's data, sent there.
  const other = e2e.config.users.find((user) => user.id !== group.user.id);
  assert.ok(other, 'the playground has a second member in the group chat');
  since = await group.submit(refused.messageId, data, { from: other.id });
  const answer = await group.reply(since);
  assert.equal(cardOf(answer), undefined, 'no summary card in the group chat');
  for (const message of group.botMessagesSince(since)) {
    assert.ok(!JSON.stringify(message).includes(typed.goal), 'nothing of the conversation is shown');
  }
});

test('the next grow opens with the last goal and asks about each open action, and the answers update them', async () => {
  const chat = e2e.personal;
  await chat.reset();
  const [done, open] = typed.actions;

  // Each open action is asked about in turn (in the bot's order): one marked done, the other left open.
  // (The line that says back what was noted names the actions too, so an ask is known by its question.)
  const asks = (m) => (say.recap.test(m.text ?? '') && typed.actions.some((action) => m.text.includes(`**${action.what}**`))) || say.need.test(m.text ?? '');
  let since = await chat.say('grow');
  let asked = await chat.reply(since, asks);
  const recalled = chat.botMessagesSince(since);
  assert.ok(recalled.slice(0, recalled.indexOf(asked)).some((m) => (m.text ?? '').includes(`**${typed.goal}**`)), 'the last goal is recalled before the actions');
  const answered = [];
  while (!say.need.test(asked.text ?? '')) {
    assert.match(asked.text, say.recap);
    const action = typed.actions.find((a) => asked.text.includes(`**${a.what}**`));
    answered.push(action.what);
    asked = await chat.ask(action === done ? 'Done' : 'Still open', asks);
  }
  assert.deepEqual(answered.toSorted(), [done.what, open.what].toSorted(), 'each open action is asked about once');
  await chat.reset();

  // The status was saved there and then: the done action has left the open list, the other is on it.
  since = await chat.say('actions');
  const list = JSON.stringify(cardOf(await chat.reply(since, (m) => cardOf(m) !== undefined)));
  assert.ok(list.includes(open.what), 'the action left open is still listed');
  assert.ok(!list.includes(done.what), 'the done action is not');
});
