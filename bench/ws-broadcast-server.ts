import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';

/*
 * The baseline for the fan-out benchmark: a bare `ws` server that sends a given JSON text to every
 * connected socket, with no GraphQL, no auth, no database. It runs as its own process, like the
 * service, so both are measured from the same load-generating process on the same terms.
 *
 *   POST /broadcast   body = the text to send to every client; answers 204 once all are queued
 *   GET  /memory      process.memoryUsage() and the number of clients
 *
 * It prints {"port": n} on stdout when it listens.
 */

const MAX_BODY_BYTES = 64 * 1024;

// Event-loop delay since the last GET /memory, like the service's prom-client figure (reset on read).
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/broadcast') {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      // One string sent to everyone: the cheapest fan-out there is.
      const text = Buffer.concat(chunks).toString('utf8');
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
      res.writeHead(204).end();
    });
    return;
  }
  if (req.method === 'GET' && req.url === '/memory') {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const eventLoop = { p99Seconds: loopDelay.percentile(99) / 1e9, maxSeconds: loopDelay.max / 1e9 };
    loopDelay.reset();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rss, heapUsed, heapTotal, external, clients: wss.clients.size, eventLoop }));
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server });

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});

const shutdown = () => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
