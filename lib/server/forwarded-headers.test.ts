import type http from "node:http";
import { describe, expect, it } from "vitest";
import { replaceForwardedHeaders } from "./forwarded-headers";

const request = (headers: http.IncomingHttpHeaders, remoteAddress?: string) =>
  ({ headers, socket: { remoteAddress } }) as unknown as http.IncomingMessage;

describe("forwarded headers without a trusted proxy", () => {
  it("replaces the client's X-Forwarded-For with the socket's address and drops the other X-Forwarded headers", () => {
    const req = request(
      { host: "localhost:3000", "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443" },
      "192.0.2.10",
    );
    replaceForwardedHeaders(req);
    expect(req.headers).toEqual({ host: "localhost:3000", "x-forwarded-for": "192.0.2.10" });
  });

  it("leaves no address when the socket has none", () => {
    const req = request({ "x-forwarded-for": "203.0.113.9" });
    replaceForwardedHeaders(req);
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
  });
});
