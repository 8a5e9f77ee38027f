// Copies the playground's conversation WebSocket to stdout, one JSON text per line, and says "open" on stderr once
// connected. A child process of its own because Node 20 has a WebSocket client only behind a flag
// (--experimental-websocket), which a plain `node --test` does not pass; see stream.mjs.
const url = process.argv[2];
if (typeof WebSocket === 'undefined') {
  console.error('This Node.js has no WebSocket client; run me with --experimental-websocket (Node 20) or Node 22+.');
  process.exit(2);
}
const socket = new WebSocket(url);
socket.addEventListener('open', () => console.error('open'));
socket.addEventListener('message', (event) => {
  // The playground sends each message as one JSON text; keep it on one line.
  process.stdout.write(JSON.stringify(JSON.parse(String(event.data))) + '\n');
});
socket.addEventListener('close', () => process.exit(0));
socket.addEventListener('error', (event) => {
  console.error(`WebSocket error: ${event.message ?? 'unknown'}`);
  process.exit(1);
});
process.on('SIGTERM', () => {
  socket.close();
  process.exit(0);
});
