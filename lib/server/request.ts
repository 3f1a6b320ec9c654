import "server-only";

/** Whether the client asked for JSON-LD (W3C Web Annotation) rather than plain JSON. */
export function wantsJsonLd(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("application/ld+json");
}

/** This server's public origin, for absolute IRIs in JSON-LD. */
export function publicOrigin(req: Request): string {
  return (process.env.NEXTAUTH_URL ?? new URL(req.url).origin).replace(/\/$/, "");
}

export function searchParamsOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
