/**
 * The raw reference of `npm run bench:live`: node:http, an SSE stream per GET /events, and each
 * POST /write?claimId=… fanned out to every stream as one event before it is answered, as the app
 * does after commit. No database, no session: the floor of delivering one event to 200 streams.
 */
import http from "node:http";

const streams = new Set<http.ServerResponse>();
let seq = 0;

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") return void res.end("ok");
    if (url.pathname === "/events") {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      res.write(`event: ready\ndata: {}\n\n`);
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    if (url.pathname === "/write" && req.method === "POST") {
      seq++;
      const event = `id: ${seq}\nevent: change\ndata: ${JSON.stringify({ seq, claimId: url.searchParams.get("claimId") })}\n\n`;
      for (const stream of streams) stream.write(event);
      return void res.end("{}");
    }
    res.statusCode = 404;
    res.end();
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
