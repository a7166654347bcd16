import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { codePointOrder } from "./base/order.js";
import { within } from "./base/within.js";

/** Why the output folder could not be written: a usage problem the CLI reports in one line. */
export class OutputError extends Error {
  override readonly name = "OutputError";
}

/** What a build left in the output folder, and what it found there that it did not write. */
export interface WriteResult {
  readonly written: readonly string[];
  /** Files of an earlier build that this build does not produce: removed. */
  readonly removed: readonly string[];
  /** Entries Stepwright did not write: kept as they are. */
  readonly foreign: readonly string[];
}

const manifestName = ".stepwright-manifest.json";

/** The folders beside `out` that a build uses: its lock, its staging folder, the previous output while it is replaced. */
function siblings(out: string) {
  const parent = dirname(out);
  const base = basename(out);
  return {
    parent,
    lock: join(parent, `.${base}.stepwright-lock`),
    staging: (pid: number) => join(parent, `.${base}.stepwright-staging-${pid}`),
    previous: (pid: number) => join(parent, `.${base}.stepwright-previous-${pid}`),
    leftover: new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.stepwright-(staging|previous)-(\\d+)$`),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * When a process started, where the system says (Linux: field 22 of /proc/<pid>/stat, in clock
 * ticks since boot): with its pid, what tells a build from another process that got its pid later.
 */
function startedAt(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Who holds a lock: its pid, 0 while it is being taken, or whether it is gone or stale (its pid now another process's). */
function lockHolder(path: string): number | "released" | "stale" {
  try {
    const [pid, started] = readFileSync(join(path, "pid"), "utf8").split(" ");
    const holder = Number(pid) || 0;
    const now = holder > 0 && started !== undefined ? startedAt(holder) : undefined;
    if (now !== undefined && now !== started) return "stale";
    return holder;
  } catch {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return "released";
    // Taken but no pid after ten seconds: its build died between the two steps.
    return Date.now() - stats.mtimeMs > 10_000 ? "stale" : 0;
  }
}

/** Takes the lock beside `out` (waiting up to `waitMs` for another build), or says who holds it. */
function lock(path: string, waitMs: number): () => void {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, "pid"), [process.pid, startedAt(process.pid)].filter((p) => p !== undefined).join(" "));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = lockHolder(path);
    if (holder === "released") continue;
    // A lock whose build died (kill -9), or that never got its pid written, is stale: take it over.
    if (holder === "stale" || (holder > 0 && !alive(holder))) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new OutputError(`another stepwright build (pid ${holder || "unknown"}) is writing ${dirname(path)}; try again when it is done`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
}

/**
 * What builds that were killed left beside `out`. A build killed between its two renames left `out`
 * missing and the earlier module (with every file Stepwright did not write) in its previous
 * folder: that goes back first. Then staging and previous folders are removed: once `out` is in
 * place, whatever they hold is in `out` too (the files Stepwright did not write, as hard links or
 * copies).
 */
function cleanLeftovers(out: string): void {
  const { parent, leftover } = siblings(out);
  const dead = readdirSync(parent)
    .map((entry) => ({ entry, match: leftover.exec(entry) }))
    .filter(({ match }) => match && !alive(Number(match[2])));
  const previous = dead.find(({ match }) => match![1] === "previous");
  if (previous && !existsSync(out)) renameSync(join(parent, previous.entry), out);
  for (const { entry } of dead) rmSync(join(parent, entry), { recursive: true, force: true });
}

function previousManifest(out: string): Set<string> {
  try {
    const { files } = JSON.parse(readFileSync(join(out, manifestName), "utf8")) as { files?: unknown };
    return new Set(Array.isArray(files) ? files.filter((f): f is string => typeof f === "string") : []);
  } catch {
    return new Set();
  }
}

/**
 * Writes the whole module as one transaction: every file into a staging folder beside `out`, which
 * then replaces `out` in two renames, so a reader (or Terraform) sees the earlier module or the new
 * one, never a mix. Files an earlier build wrote and this one does not are gone with the old folder;
 * files Stepwright never wrote are carried over untouched (hard links) and reported. A lock makes a
 * second concurrent build wait; leftovers of a killed build are cleaned by the next. Callers write
 * only after a build without errors.
 */
export function writeOutputs(
  outDir: string,
  files: Readonly<Record<string, string>>,
  {
    waitMs = 30_000,
    keep = [],
    fault = () => {},
    flag = "--out",
  }: { waitMs?: number; keep?: readonly string[]; fault?: (step: string) => void; flag?: string } = {},
): WriteResult {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new OutputError(`${flag} ${outDir} is a file, not a folder`);
  if (dirname(resolve(outDir)) === resolve(outDir))
    throw new OutputError(
      `${flag} ${outDir} is the root of the file system: a build replaces its folder whole, so give it a folder of its own`,
    );
  // The output folder is replaced whole: it cannot be one that holds the project or its sources.
  const holding = keep.find((path) => within(resolve(path), resolve(outDir)));
  if (holding !== undefined)
    throw new OutputError(`${flag} ${outDir} holds ${holding}, which a build must not replace: give the build a folder of its own`);
  const { parent, lock: lockPath, staging: stagingOf, previous: previousOf } = siblings(outDir);
  try {
    makeFolders(parent);
  } catch (error) {
    throw new OutputError(`cannot create ${parent}: ${(error as Error).message}`);
  }
  let unlock: () => void;
  try {
    unlock = lock(lockPath, waitMs);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`cannot write beside ${outDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const staging = stagingOf(process.pid);
  const previous = previousOf(process.pid);
  try {
    fault("locked");
    cleanLeftovers(outDir);
    fault("cleaned");
    const names = Object.keys(files).sort(codePointOrder);
    const ours = previousManifest(outDir);
    const existing = existsSync(outDir) ? readdirSync(outDir) : [];
    const foreign = existing.filter((e) => e !== manifestName && !ours.has(e) && !Object.hasOwn(files, e));
    const removed = existing.filter((e) => ours.has(e) && !Object.hasOwn(files, e));
    mkdirSync(staging);
    fault("staging");
    for (const name of names) {
      writeFileSync(join(staging, name), files[name]!);
      fault(`wrote ${name}`);
    }
    writeFileSync(join(staging, manifestName), `${JSON.stringify({ generatedBy: "stepwright", files: names }, null, 2)}\n`);
    fault("manifest");
    for (const entry of foreign) {
      carry(join(outDir, entry), join(staging, entry));
      fault(`carried ${entry}`);
    }
    // The new folder takes the earlier one's permissions, as the files it carries keep theirs.
    if (existsSync(outDir)) chmodSync(staging, statSync(outDir).mode & 0o7777);
    fault("moded");
    if (existsSync(outDir)) renameSync(outDir, previous);
    fault("moved aside");
    renameSync(staging, outDir);
    fault("moved in");
    rmSync(previous, { recursive: true, force: true });
    fault("done");
    return { written: names.map((n) => join(outDir, n)), removed, foreign };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Put the earlier module back if it was already moved aside.
    if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
    if (error instanceof OutputError) throw error;
    const e = error as NodeJS.ErrnoException;
    // A mount point cannot be renamed away: the folder a build replaces must be one inside it.
    if (e.code === "EBUSY" || e.code === "EXDEV")
      throw new OutputError(
        `cannot replace ${outDir} (${e.code}: a mount point?): a build replaces its folder whole, so give it a folder inside it`,
      );
    throw new OutputError(
      `cannot write ${outDir}: ${e.code === "EACCES" || e.code === "EPERM" ? "permission denied" : (e.code ?? e.message)}`,
    );
  } finally {
    unlock();
  }
}

/** mkdir -p, one level at a time: Node's recursive mkdir never returns under /proc. */
function makeFolders(path: string): void {
  if (existsSync(path)) return;
  makeFolders(dirname(path));
  mkdirSync(path);
}

/** A file or folder Stepwright did not write, into the new output folder: linked, or copied where links are not possible; a folder keeps its permissions. */
function carry(from: string, to: string): void {
  const stats = lstatSync(from);
  if (stats.isDirectory()) {
    mkdirSync(to);
    for (const entry of readdirSync(from)) carry(join(from, entry), join(to, entry));
    chmodSync(to, stats.mode & 0o7777);
    return;
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Writes one file as one step: the text goes to a sibling first and is renamed over the file, so a
 * failed or killed write leaves the file as it was (`stepwright import --out`).
 */
export function writeFileAtomically(path: string, text: string): void {
  const staging = `${path}.${process.pid}.tmp`;
  try {
    makeFolders(dirname(path));
    writeFileSync(staging, text);
    renameSync(staging, path);
  } catch (error) {
    rmSync(staging, { force: true });
    throw new OutputError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
