/** Where to go after signing in: only a path on this site, never another origin (open redirect). */
export function safeReturnPath(candidate: string | undefined | null): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
    return "/articles";
  }
  if (candidate.startsWith("/login")) return "/articles";
  return candidate;
}
