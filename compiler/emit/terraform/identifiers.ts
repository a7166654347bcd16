/**
 * Terraform block names for workflow and resource names: letters, digits and `_`, starting with a
 * letter or `_`; distinct names that map to the same identifier get `_2`, `_3`, ... in order given.
 */
export class Identifiers {
  readonly #byName = new Map<string, string>();
  readonly #taken = new Set<string>();

  of(name: string): string {
    const known = this.#byName.get(name);
    if (known) return known;
    let base = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "unnamed";
    if (/^[0-9]/.test(base)) base = `_${base}`;
    let id = base;
    for (let n = 2; this.#taken.has(id); n++) id = `${base}_${n}`;
    this.#taken.add(id);
    this.#byName.set(name, id);
    return id;
  }
}
