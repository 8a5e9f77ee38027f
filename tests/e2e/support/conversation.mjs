export const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

// The bot paces its sends to each conversation under Teams' limits (60 in 30 s among them), so a busy chat can
// wait up to half a minute for its next reply: wait longer than that window.
const replyTimeoutMs = 45_000;

/**
 * One chat in the playground, seen from a test: say something as a user, then wait for what the bot sends back.
 * In a group chat every message mentions the bot first, as Teams requires for the bot to receive it. The playground
 * sends every typed message as its signed-in user; another member can act only through card submits and invokes.
 */
export class Conversation {
  constructor({ client, stream, id, kind, user, bot }) {
    this.client = client;
    this.stream = stream;
    this.id = id;
    this.kind = kind;
    this.user = user;
    this.bot = bot;
  }

  /** The `<at>` text Teams puts in a message that mentions the bot, and the matching mention entity. */
  get botMention() {
    const text = `<at>${this.bot.name}</at>`;
    return { text, mentions: [{ mentioned: { id: this.bot.id }, text }] };
  }

  /** Posts a message as the signed-in user; returns the stream position before it, to wait for the replies from. */
  async say(text, { mention = this.kind === 'group' } = {}) {
    const since = this.stream.mark();
    const { text: at, mentions } = this.botMention;
    const from = this.user.id;
    await this.client.createMessage(this.id, mention ? { from, text: `${at} ${text}`, mentions } : { from, text });
    return since;
  }

  /** Submits a card's inputs as its Action.Submit would; returns the stream position before it. */
  async submit(cardMessageId, value, { from = this.user.id } = {}) {
    const since = this.stream.mark();
    const answer = await this.client.submit(this.id, { from, replyToId: cardMessageId, value });
    if (answer.status !== 200) {
      throw new Error(`Submit answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return since;
  }

  /** The first message the bot sends into this conversation after `since` that satisfies the predicate. */
  async reply(since, predicate = () => true, { timeoutMs = replyTimeoutMs, description } = {}) {
    const item = await this.stream.waitFor(
      (m) => m.action === 'createMessage' && this.#isBotMessageHere(m) && predicate(m.message),
      { since, timeoutMs, description: description ?? `a bot reply in ${this.kind} chat matching ${predicate}` },
    );
    return item.message;
  }

  /** The first update (PUT) of the given message after `since`. */
  async update(since, messageId, { timeoutMs = replyTimeoutMs } = {}) {
    const item = await this.stream.waitFor(
      (m) => m.action === 'updateMessage' && this.#isBotMessageHere(m) && m.message.messageId === messageId,
      { since, timeoutMs, description: `an update of message ${messageId}` },
    );
    return item.message;
  }

  /** Says something and waits for the bot's reply that matches. */
  async ask(text, predicate, options) {
    return this.reply(await this.say(text, options), predicate, options);
  }

  /** Every message the bot sent here from `since` on, in order. */
  botMessagesSince(since) {
    return this.stream.messages.slice(since).filter((m) => this.#isBotMessageHere(m)).map((m) => m.message);
  }

  /** Leaves the conversation with no dialog in progress, whatever an earlier test did. */
  async reset() {
    await this.ask('cancel', (m) => /^(Stopped\.|There's nothing in progress)/.test(m.text ?? ''));
  }

  #isBotMessageHere(item) {
    return item.actionConversationId === this.id && item.message?.from?.id === this.bot.id;
  }
}

/** The Adaptive Card of a message, or undefined. */
export function cardOf(message) {
  return message.attachments?.find((a) => a.contentType === adaptiveCardType)?.content;
}

/** Every element of a card, depth first, including those of Action.ShowCard cards. */
export function* cardElements(card) {
  for (const element of ownElements(card)) {
    yield element;
  }
  for (const action of cardActions(card)) {
    if (action.type === 'Action.ShowCard') {
      yield* ownElements(action.card);
    }
  }
}

/** Every action of a card: its buttons, those of action sets, and those of Action.ShowCard cards. */
export function* cardActions(card) {
  const own = [...(card?.actions ?? [])];
  for (const element of ownElements(card)) {
    if (element.type === 'ActionSet') {
      own.push(...(element.actions ?? []));
    }
  }
  for (const action of own) {
    yield action;
    if (action.type === 'Action.ShowCard') {
      yield* cardActions(action.card);
    }
  }
}

// The card's own elements (containers and columns entered), not those of its show-card cards.
function* ownElements(card) {
  const stack = [...(card?.body ?? [])].reverse();
  while (stack.length > 0) {
    const element = stack.pop();
    yield element;
    stack.push(...[...(element.items ?? []), ...(element.columns ?? [])].reverse());
  }
}

/** The card's inputs by id. */
export function inputsOf(card) {
  return Object.fromEntries([...cardElements(card)].filter((e) => e.type?.startsWith('Input.')).map((e) => [e.id, e]));
}
