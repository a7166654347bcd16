/**
 * Terraform block names for workflow and resource names: letters, digits and `_`, starting with a
 * letter or `_`; distinct names that map to the same identifier get `_2`, `_3`, ... in order given.
 */
export class Identifiers {
  readonly #byName = new Map<string, string>();
  readonly #taken = new Set<string>();

  /** The identifier of `name`; `spelled` is the text to derive it from, when that is not the name itself. */
  of(name: string, spelled = name): string {
    const known = this.#byName.get(name);
    if (known) return known;
    // Non-ASCII characters keep their identity as code points (`å` → `u00e5`), so `å` and `æ` stay apart.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
    const ascii = spelled.replace(/[^\x00-\x7f]/gu, (c) => `_u${c.codePointAt(0)!.toString(16).padStart(4, "0")}_`);
    let base =
      ascii
        .replace(/[^A-Za-z0-9_]+/g, "_")
        .replace(/__+/g, "_")
        .replace(/^_+|_+$/g, "") || "unnamed";
    if (/^[0-9]/.test(base)) base = `_${base}`;
    let id = base;
    for (let n = 2; this.#taken.has(id); n++) id = `${base}_${n}`;
    this.#taken.add(id);
    this.#byName.set(name, id);
    return id;
  }
}
