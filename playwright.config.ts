import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_PORT, E2E_PROVIDER, E2E_SECOND_PORT } from "./e2e/env";

/** `npm start` (the newcomer's one command) on the run's database, on `port`. */
function server(port: number) {
  return {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/login`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe" as const,
    env: {
      PORT: String(port),
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_URL: `http://localhost:${port}`,
      // The second instance must not wipe the database the first one is serving.
      ...(port === E2E_SECOND_PORT ? { E2E_KEEP_DATABASE: "1" } : {}),
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: E2E_PROVIDER === "sqlite" ? "chromium" : `chromium-${E2E_PROVIDER}`,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  // Started one after the other: the second instance finds the database migrated and seeded.
  webServer: [server(E2E_PORT), ...(E2E_SECOND_PORT ? [server(E2E_SECOND_PORT)] : [])],
});
