/**
 * The security headers whose value depends on the request or on the deployment (the static ones,
 * such as Permissions-Policy and X-Content-Type-Options, are in next.config.js). Set by proxy.ts.
 * See docs/decisions/0012-csp-nonces-and-origin-check.md.
 */

/** A fresh nonce: 128 random bits, base64. One per page request; Next.js puts it on its own scripts. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The pages' policy. Scripts run only with this request's nonce ('strict-dynamic' lets the
 * nonced Next.js runtime load its chunks); 'unsafe-eval' only in development, where React uses
 * eval for its error overlays. Styles: stylesheets from this origin and nonced <style> elements
 * only; no inline style attributes in the markup (React's and ProseMirror's style changes after
 * load go through the CSSOM, which the policy does not govern).
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * API answers (JSON, downloads: PDF, Markdown, CSV, JSON-LD) are never pages: nothing in them may
 * load or run anything, even when a browser is made to render one.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HSTS, sent only when the public URL is https (a browser ignores it over http anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** The nonce in a policy built by pageContentSecurityPolicy, or undefined. */
export function nonceOf(policy: string | null | undefined): string | undefined {
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}
