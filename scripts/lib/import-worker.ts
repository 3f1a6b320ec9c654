import fs from "node:fs";
import path from "node:path";
import { build, context, type BuildOptions, type Plugin } from "esbuild";
import { IMPORT_WORKER_BUNDLE, IMPORT_WORKER_SOURCE } from "../../lib/articles/import/worker-file";

/**
 * The import worker as one ES module (decision 0010): our TypeScript (with the `@/` paths of
 * tsconfig.json) compiled in, the npm packages it uses (mammoth, marked, sanitize-html,
 * htmlparser2) left as imports that Node resolves from node_modules at run time. esbuild is
 * tsx's own compiler, so it is always installed; a build takes well under a second.
 */
function options(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [IMPORT_WORKER_SOURCE],
    outfile: IMPORT_WORKER_BUNDLE,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
    write: false,
    plugins: [writeAtomically],
  };
}

/**
 * A running server may start a worker at any moment (a second instance rebuilds the bundle at
 * its start), so the file is replaced in one rename, and only when its content changed.
 */
const writeAtomically: Plugin = {
  name: "write-atomically",
  setup(build) {
    build.onEnd((result) => {
      for (const output of result.outputFiles ?? []) {
        const current = fs.existsSync(output.path) ? fs.readFileSync(output.path) : null;
        if (current?.equals(output.contents)) continue;
        fs.mkdirSync(path.dirname(output.path), { recursive: true });
        const temporary = `${output.path}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, output.contents);
        fs.renameSync(temporary, output.path);
      }
    });
  },
};

export async function buildImportWorker(root = process.cwd()): Promise<string> {
  await build(options(root));
  return path.join(root, IMPORT_WORKER_BUNDLE);
}

/** For `npm run dev`: rebuilds the bundle whenever a file it is made of changes. */
export async function watchImportWorker(root = process.cwd()): Promise<void> {
  const ctx = await context(options(root));
  await ctx.watch();
}
