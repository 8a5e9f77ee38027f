/**
 * The playground's own HTTP API, the one its web page uses: post a user's message, submit a card (Action.Submit),
 * send an invoke (Action.Execute and friends), install the app, send a crafted activity. Paths and bodies are those
 * its server validates (`validateCreateMessageRequest`, `validateSubmitRequest`, `validateInvokeRequest` in its
 * dist/index.js).
 */
export class PlaygroundClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Tenant, bot, current user, users, personal chat, group chats and teams, as the playground loaded them. */
  async config() {
    return (await this.#request('GET', '/_internal/v1/config')).config;
  }

  /** Posts a message from a user; `mentions` as Teams sends them (the text carries each mention's `<at>` text). */
  async createMessage(conversationId, { from, text, mentions }) {
    return this.#request('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: from },
      text,
      textFormat: 'plain',
      ...(mentions ? { mentions } : {}),
    });
  }

  /** What clicking an Action.Submit sends: the card's message id and the inputs' values. Answers { status, body }. */
  submit(conversationId, { from, replyToId, value }) {
    return this.#call('POST', '/_conversation/v1/submit', { conversation: { id: conversationId }, from: { id: from }, replyToId, value });
  }

  /** An invoke such as `adaptiveCard/action`; the playground passes the bot's answer back. Answers { status, body }. */
  invoke(conversationId, { from, name, value, replyToId }) {
    return this.#call('POST', '/_conversation/v1/invoke', { name, value, from: { id: from }, conversation: { id: conversationId }, replyToId });
  }

  /**
   * Installs the app in a conversation as the page does when a chat is opened: the playground sends the bot an
   * installationUpdate (action "add") and a conversationUpdate with the bot in membersAdded.
   */
  async install(conversationId) {
    await this.#request('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /**
   * Sends one of the activities of the page's "Mock an activity" menu ("install", "uninstall", "botAdded",
   * "botRemoved", ...), built by the playground for that conversation.
   */
  async mockActivity(conversationId, type) {
    const query = new URLSearchParams({ conversationId, type });
    const activity = await this.#request('GET', `/_internal/v1/customActivities/template?${query}`);
    await this.#request('POST', '/_internal/v1/customActivities', activity);
    return activity;
  }

  async #request(method, path, body) {
    const { status, body: answer } = await this.#call(method, path, body);
    if (status !== 200) {
      throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
    }
    return answer;
  }

  async #call(method, path, body) {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed };
  }
}
