/**
 * The `nianbao` command compiled to JavaScript once, so that running it does not pay for tsx.
 *
 * Why: tsx compiles nothing on a second run (it caches), but its module hooks run on a thread of
 * their own that every import waits on: about 0.4 s before the first line of a command, and
 * twice what PDF.js takes to load. `nianbao import report.docx` took 1.1 s through tsx and about
 * half that from the build (`npm run bench:import`, "whole process").
 *
 * The build is esbuild's bundle of local/cli/main.ts in dist/cli/: our TypeScript in chunks, one
 * per command as in the sources (each command's module is still loaded only when chosen), the
 * packages left to node_modules. A module that finds a file beside itself
 * (`new URL('./x', import.meta.url)`) is given its source file's URL, so it finds the same file.
 *
 * builtCli() returns the current build's entry (dist/cli/current.json names its folder) when it
 * is up to date: every source file it was built from has the size and time it had then (the
 * folder's inputs.json). It builds again when not (a second or so), so an edited source is
 * never run stale. A build is written to a folder of its own, renamed into place, so two
 * commands started together never see half a build.
 * It returns undefined when it cannot build (no esbuild, a read-only folder): the command then
 * runs through tsx as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'dist', 'cli');
const CURRENT = path.join(OUT, 'current.json');
const ENTRY = path.join(ROOT, 'local', 'cli', 'main.ts');
const INPUTS = 'inputs.json';
/** Changes to how the build is made change this, so older builds are made again. */
const BUILD_FORMAT = 1;
/** Builds no longer current are removed after this long (a command may still be running one). */
const STALE_BUILD_MS = 60 * 60 * 1000;

/** The entry of the build in `dir` when every source it was made from is unchanged. */
function upToDate(dir) {
  try {
    const recorded = JSON.parse(readFileSync(path.join(dir, INPUTS), 'utf8'));
    if (recorded.format !== BUILD_FORMAT) return undefined;
    for (const [file, [size, mtime]] of Object.entries(recorded.inputs)) {
      const stat = statSync(path.join(ROOT, file));
      if (stat.size !== size || stat.mtimeMs !== mtime) return undefined;
    }
    return path.join(dir, 'main.js');
  } catch {
    return undefined;
  }
}

function currentBuild() {
  try {
    return upToDate(path.join(OUT, JSON.parse(readFileSync(CURRENT, 'utf8')).build));
  } catch {
    return undefined;
  }
}

/**
 * How our TypeScript is compiled to run in Node without tsx: one ESM chunk per dynamically
 * imported module (as the sources load them), the packages left to node_modules. Also used by
 * `npm run bench:import` for its measuring script.
 */
export const NODE_BUNDLE = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
};

/** esbuild plugin: our sources see their own file's URL as import.meta.url. */
export const SOURCE_URLS = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * Builds into a folder named by what it was built from, then points current.json at it (a
 * rename, so readers see the old pointer or the new one). No folder a command may be running
 * from is moved or emptied: builds replaced more than an hour ago are removed.
 */
async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  mkdirSync(OUT, { recursive: true });
  const temporary = path.join(OUT, `tmp-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      ...NODE_BUNDLE,
      entryPoints: { main: ENTRY },
      outdir: temporary,
      // the metafile's input paths are relative to this: the project, wherever the command runs
      absWorkingDir: ROOT,
      metafile: true,
      logLevel: 'silent',
      plugins: [SOURCE_URLS],
    });
    const inputs = {};
    for (const file of Object.keys(result.metafile.inputs).sort()) {
      const stat = statSync(path.join(ROOT, file));
      inputs[file] = [stat.size, stat.mtimeMs];
    }
    const record = JSON.stringify({ format: BUILD_FORMAT, inputs });
    writeFileSync(path.join(temporary, INPUTS), record);
    const name = `build-${createHash('sha256').update(record).digest('hex').slice(0, 16)}`;
    try {
      renameSync(temporary, path.join(OUT, name));
    } catch {
      // The same build is already in place (another command made it at the same time).
      rmSync(temporary, { recursive: true, force: true });
    }
    const pointer = path.join(OUT, `current-${process.pid}.json`);
    writeFileSync(pointer, JSON.stringify({ build: name }));
    renameSync(pointer, CURRENT);
    removeOldBuilds(name);
    return upToDate(path.join(OUT, name));
  } catch {
    rmSync(temporary, { recursive: true, force: true });
    return undefined;
  }
}

function removeOldBuilds(current) {
  for (const entry of readdirSync(OUT)) {
    if (entry === current || !/^(build|tmp)-/.test(entry)) continue;
    const folder = path.join(OUT, entry);
    if (Date.now() - statSync(folder).mtimeMs > STALE_BUILD_MS) rmSync(folder, { recursive: true, force: true });
  }
}

export async function builtCli() {
  if (!existsSync(ENTRY)) return undefined;
  return currentBuild() ?? (await build());
}
