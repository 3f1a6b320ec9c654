// Runs once when the server starts: fail fast with a clear message instead of at the first sign-in.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readServerEnv } = await import("./lib/server/env");
  try {
    const config = readServerEnv();
    if (!config.trustProxy) (await import("./lib/server/forwarded-headers")).distrustForwardedHeaders();
  } catch (error) {
    console.error(`\nFactline cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
