import { spawnSync } from "node:child_process";

/**
 * Installs a Debian package the tests need when it is missing and we run as root (CI, a fresh
 * machine); otherwise says exactly what to install. Returns when the package is there.
 */
export function ensureDebianPackage(name: string, present: () => boolean, why: string): void {
  if (present()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${why} needs Debian's ${name}. Install it with:\n  sudo apt-get install -y ${name}`);
  }
  console.log(`Installing Debian's ${name} (${why})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", name]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: install ${name} by hand (apt-get install -y ${name}).`);
  }
  if (!present()) throw new Error(`apt-get installed ${name}, but it is still not found.`);
}
