// Runs once when the server starts: fail fast with a clear message instead of at the first sign-in.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { readServerEnv } = await import("./lib/server/env");
    readServerEnv();
  }
}
