'use strict';
// The peer for bench/: Microsoft's JavaScript Bot Framework SDK (botbuilder 4.23.3) driven by the same load as
// CoachingBot. PEER_BOT=waterfall runs a three-step waterfall (the `grow` scenario), PEER_BOT=echo an echo bot (the
// `help` scenario). State is in memory. No app id is configured, so the SDK treats requests as anonymous and sends to
// the activity's serviceUrl without a token (see README.md). Listens on 127.0.0.1:$PORT.
const http = require('node:http');
const {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  ActivityTypes,
} = require('botbuilder');
const { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } = require('botbuilder-dialogs');

const port = Number.parseInt(process.env.PORT ?? '', 10);
if (!Number.isInteger(port) || port <= 0) {
  console.error('Set PORT to the port to listen on.');
  process.exit(2);
}
const kind = process.env.PEER_BOT ?? 'waterfall';
if (kind !== 'waterfall' && kind !== 'echo') {
  console.error('PEER_BOT is waterfall or echo.');
  process.exit(2);
}

// An empty configuration: no MicrosoftAppId, so authentication is off (inbound and outbound).
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`turn failed: ${error && error.message}`);
  await context.sendActivity('Sorry, something went wrong.');
};

const conversationState = new ConversationState(new MemoryStorage());
const dialogState = conversationState.createProperty('dialogState');
const dialogs = new DialogSet(dialogState);
dialogs.add(new TextPrompt('text'));
dialogs.add(
  new WaterfallDialog('grow', [
    async (step) => step.prompt('text', 'What would you like to achieve?'),
    async (step) => {
      step.values.goal = step.result;
      return step.prompt('text', 'What will you do first?');
    },
    async (step) => {
      await step.context.sendActivity(`Your goal: ${step.values.goal}. Your first step: ${step.result}.`);
      return step.endDialog();
    },
  ]),
);

async function waterfall(context) {
  if (context.activity.type === ActivityTypes.ConversationUpdate) {
    const added = context.activity.membersAdded ?? [];
    if (added.some((m) => m.id === context.activity.recipient.id)) {
      await context.sendActivity('Hello. Say anything to start.');
    }
    return;
  }
  if (context.activity.type !== ActivityTypes.Message) {
    return;
  }
  const dc = await dialogs.createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) {
    await dc.beginDialog('grow');
  }
  await conversationState.saveChanges(context, false);
}

async function echo(context) {
  if (context.activity.type === ActivityTypes.Message) {
    await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
  }
}

const logic = kind === 'waterfall' ? waterfall : echo;

// CloudAdapter.process wants an Express- or Restify-like request (a parsed body) and response; a thin shim over
// node:http keeps the dependencies to the two SDK packages.
const server = http.createServer((req, res) => {
  if (req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const request = { method: req.method, headers: req.headers, body };
    const response = {
      status(code) {
        res.statusCode = code;
      },
      header(name, value) {
        res.setHeader(name, value);
      },
      send(payload) {
        if (payload === undefined) return;
        if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
          res.write(payload);
        } else {
          res.setHeader('Content-Type', 'application/json');
          res.write(JSON.stringify(payload));
        }
      },
      end() {
        res.end();
      },
    };
    adapter.process(request, response, logic).catch((error) => {
      console.error(`request failed: ${error && error.message}`);
      if (!res.writableEnded) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Listening on http://127.0.0.1:${port} (${kind})`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
