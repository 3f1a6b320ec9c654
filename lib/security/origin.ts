/**
 * The cross-site write check, as a pure function of the request's headers and the deployment's
 * settings (lib/server/api.ts feeds it). See docs/decisions/0012-csp-nonces-and-origin-check.md.
 */

export interface OriginInputs {
  /** NEXTAUTH_URL (serverConfig().publicUrl), when set: the one origin pages are served from. */
  publicUrl: string | undefined;
  /** The URL the server saw the request on (Next.js builds it from its own host and port). */
  requestUrl: string;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  /** FACTLINE_TRUST_PROXY: forwarded headers come from a proxy we run, not from the client. */
  trustProxy: boolean;
}

/**
 * The origin (scheme://host[:port]) this server's own pages have. The configured public URL wins;
 * else the request's own Host (and scheme), or, only behind a trusted proxy, X-Forwarded-Host and
 * X-Forwarded-Proto (anyone can send those headers; only our proxy's are worth believing).
 */
export function expectedOrigin(inputs: OriginInputs): string {
  if (inputs.publicUrl) return new URL(inputs.publicUrl).origin;
  const url = new URL(inputs.requestUrl);
  const host = (inputs.trustProxy ? firstValue(inputs.forwardedHost) : undefined) ?? firstValue(inputs.host) ?? url.host;
  const proto = (inputs.trustProxy ? firstValue(inputs.forwardedProto) : undefined) ?? url.protocol.replace(/:$/, "");
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

export interface WriteRequest {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a write comes from another site: an Origin whose scheme, host or port differs from
 * `expected`, an Origin that is not a URL (including "null", sent by sandboxed frames and some
 * redirects), or a browser's `Sec-Fetch-Site` other than same-origin / none. Same-site counts as
 * another site: a sibling subdomain of a newsroom is another application. Requests with neither
 * header (curl, scripts, server-to-server) are not a browser acting for someone and pass; the
 * session cookie's SameSite=Lax is the other half of the defence.
 */
export function isCrossSiteWrite(request: WriteRequest, expected: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const site = request.secFetchSite?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return true;
  if (request.origin === null) return false;
  try {
    return new URL(request.origin).origin !== new URL(expected).origin;
  } catch {
    return true;
  }
}

/** A header's first comma-separated value (proxies chain them), or undefined when empty. */
function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value ? value : undefined;
}

/**
 * The client's address from X-Forwarded-For. Behind a trusted proxy: its first entry, which is the
 * client when the edge proxy overwrites the header (nginx `$remote_addr`, Caddy by default; see
 * docs/deploy.md). Otherwise the header holds what the server put there from the socket (lib/server/
 * forwarded-headers.ts replaces whatever the client sent), so it is a single address as well.
 */
export function clientAddressFrom(forwardedFor: string | null, trustProxy: boolean): string {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return (trustProxy ? entries[0] : entries.at(-1)) ?? "unknown";
}
