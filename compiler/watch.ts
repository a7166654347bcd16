import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { watch } from "chokidar";

/**
 * Which save of a file this is: its modification time and its text (undefined where there is none:
 * removed, a folder). Saving the same text again is a save of its own (a way to ask for a rebuild);
 * the time alone cannot tell two saves apart where the file system counts in seconds.
 */
function saveOf(path: string): string | undefined {
  try {
    return `${statSync(path, { bigint: true }).mtimeNs}\0${readFileSync(path, "utf8")}`;
  } catch {
    return undefined;
  }
}

/**
 * Calls `rebuild` with the changed files whenever a TypeScript file under the given files'
 * folders changes (edits within a few milliseconds are taken together), ignoring the output folder.
 * A save of a file that was passed on already is not passed on again: the file system and chokidar
 * report one save more than once, the later report after the rebuild has begun.
 */
export function watchFiles(
  files: readonly string[],
  ignoreDir: string,
  rebuild: (changed: string[]) => Promise<void>,
): { ready: Promise<void>; close: () => Promise<void> } {
  const folders = [...new Set(files.map((f) => dirname(f)))];
  const watchedFolders = new Set(folders);
  const watcher = watch(folders, {
    ignoreInitial: true,
    // Only TypeScript sources matter; our own output (and its temporary files) must not retrigger.
    // The build's own staging, previous-output and lock folders beside the output folder are ours too.
    ignored: (path, stats) =>
      path.includes("/node_modules/") ||
      path.startsWith(`${ignoreDir}/`) ||
      path === ignoreDir ||
      /\/\.[^/]*\.stepwright-[^/]*(\/|$)/.test(path) ||
      ((stats?.isFile() ?? /\.[^/]+$/.test(path)) && !/\.m?ts$/.test(path)),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const passedOn = new Map<string, string | undefined>();
  const changedSince = (path: string) => {
    const save = saveOf(path);
    const changed = !passedOn.has(path) || passedOn.get(path) !== save;
    passedOn.set(path, save);
    return changed;
  };
  const schedule = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending].filter(changedSince);
      pending = new Set();
      if (changed.length > 0) running = running.then(() => rebuild(changed));
    }, 10);
  };
  watcher.on("change", schedule).on("add", schedule).on("unlink", schedule);
  // chokidar drops a second "change" of a file within 50 ms of the first: two quick saves would lose
  // the last one. The file system's own events are not throttled; they are taken together above.
  watcher.on("raw", (_event, name, details) => {
    const watchedPath = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (typeof name !== "string" || !watchedPath || !/\.m?ts$/.test(name)) return;
    const path = watchedPath.endsWith(`/${name}`) ? watchedPath : join(watchedPath, name);
    if (watchedFolders.has(dirname(path))) schedule(path);
  });
  // A watcher error (a folder removed under it) must not end the session.
  watcher.on("error", () => {});
  // Edits before the initial scan completes would be missed: callers wait for it.
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return { ready, close: () => watcher.close() };
}
