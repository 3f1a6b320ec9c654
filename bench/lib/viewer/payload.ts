import http from "node:http";
import zlib from "node:zlib";

export interface PayloadFigures {
  url: string;
  status: number;
  /** Bytes of the JSON body as the page reads it. */
  rawBytes: number;
  /** Bytes on the wire when the client accepts gzip (what `next start` sends), and the encoding it used. */
  wireBytes: number;
  contentEncoding: string | null;
  /** The same body gzipped here at the default level, for a figure that does not depend on the server. */
  gzipBytes: number;
  claims: number;
  etag: string | null;
  /** The same request again with `If-None-Match: <etag>`; null when the server sent no ETag. */
  revalidation: { status: number; wireBytes: number; headerBytes: number } | null;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  headerBytes: number;
}

/** A GET with node:http, so the bytes counted are the bytes sent (fetch would decompress them). */
function get(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const headerBytes = response.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
          headerBytes,
        });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

function decode(response: RawResponse): Buffer {
  const encoding = response.headers["content-encoding"];
  if (encoding === "gzip") return zlib.gunzipSync(response.body);
  if (encoding === "br") return zlib.brotliDecompressSync(response.body);
  if (encoding === "deflate") return zlib.inflateSync(response.body);
  return response.body;
}

/** The full claims read of the article page (GET /api/articles/{id}/annotations), and its 304 path. */
export async function measurePayload(baseUrl: string, articleId: string, cookie: string): Promise<PayloadFigures> {
  const url = `${baseUrl}/api/articles/${articleId}/annotations`;
  const headers = { cookie, accept: "application/json", "accept-encoding": "gzip" };
  const first = await get(url, headers);
  const body = decode(first);
  if (first.status !== 200)
    throw new Error(`Reading the claims answered ${first.status}: ${body.toString("utf8", 0, 300)}`);
  const parsed = JSON.parse(body.toString("utf8")) as { claims: unknown[] };
  const etag = typeof first.headers.etag === "string" ? first.headers.etag : null;
  let revalidation: PayloadFigures["revalidation"] = null;
  if (etag) {
    const again = await get(url, { ...headers, "if-none-match": etag });
    revalidation = { status: again.status, wireBytes: again.body.length, headerBytes: again.headerBytes };
  }
  return {
    url: url.replace(baseUrl, ""),
    status: first.status,
    rawBytes: body.length,
    wireBytes: first.body.length,
    contentEncoding: (first.headers["content-encoding"] as string | undefined) ?? null,
    gzipBytes: zlib.gzipSync(body).length,
    claims: parsed.claims.length,
    etag,
    revalidation,
  };
}
