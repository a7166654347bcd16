import { dirname } from "node:path";
import { watch } from "chokidar";

/**
 * Calls `rebuild` with the changed files whenever a TypeScript file under the given files'
 * folders changes (edits within a few milliseconds are taken together). Runs until the process ends.
 */
export function watchFiles(files: readonly string[], rebuild: (changed: string[]) => Promise<void>): { close: () => Promise<void> } {
  const folders = [...new Set(files.map((f) => dirname(f)))];
  const watcher = watch(folders, {
    ignoreInitial: true,
    ignored: (path, stats) => path.includes("/node_modules/") || (stats?.isFile() === true && !/\.m?ts$/.test(path)),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending = new Set();
      running = running.then(() => rebuild(changed));
    }, 10);
  };
  watcher.on("change", schedule).on("add", schedule).on("unlink", schedule);
  return { close: () => watcher.close() };
}
