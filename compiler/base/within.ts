import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is `folder` or lies inside it (both resolved). */
export function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
