/**
 * A JSONPath reference path (`$.a.b[0]['c d']`) as its segments: names and indexes, or undefined
 * where the path is more than a chain of them. `name` says which names dot notation takes: the
 * checker reads identifier-like ones (`$.detail-type` too); the engine places a result at any.
 */
export function pathSegmentsOf(path: string, name: "identifier" | "any"): (string | number)[] | undefined {
  if (!path.startsWith("$") || path.startsWith("$$")) return undefined;
  const segments: (string | number)[] = [];
  const part =
    name === "identifier"
      ? /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y
      : /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  let at = 1;
  while (at < path.length) {
    part.lastIndex = at;
    const match = part.exec(path);
    if (!match) return undefined;
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (match[3] ?? match[4])!));
    at = part.lastIndex;
  }
  return segments;
}
