/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download browsers offline).
 * Installs it when missing and running as root; otherwise says exactly what to install.
 */
import fs from "node:fs";
import { ensureDebianPackage } from "./lib/debian-package";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function ensureChromium(): void {
  ensureDebianPackage("chromium", () => fs.existsSync(CHROMIUM), "The end-to-end tests' browser");
}

if (require.main === module) {
  try {
    ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
