// Runs once when the server starts (see lib/server/startup.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/server/startup")).startServer();
}
