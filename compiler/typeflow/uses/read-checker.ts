import type { Arrival, FieldPath } from "./arrivals.js";
import { factsAbout, factsAbove, factsBelow, joinFacts, noFacts, type RuleFacts } from "./facts.js";
import { absent, errorOutputVerdict, fits, ok, open, type Origin, type Verdict, wrongKind } from "./findings.js";
import { declaredReads } from "./declared-reads.js";
import { anyItem, type Read } from "./reads.js";
import type { TypeOps, Use } from "./types.js";

/** These arrivals and every one before them, those nearest a graph's start first (so a forward pass settles fast). */
function upstreamOf(arrivals: readonly Arrival[]): Arrival[] {
  const seen = new Set<Arrival>(arrivals);
  const order: Arrival[] = [];
  const stack = [...arrivals];
  while (stack.length > 0) {
    const arrival = stack.pop()!;
    order.push(arrival);
    for (const b of arrival.before) {
      if (seen.has(b)) continue;
      seen.add(b);
      stack.push(b);
    }
  }
  return order.reverse();
}

/**
 * Whether what the Choice rules on the way tested cannot hold of a catcher's error output at
 * `errorAt` (`{ Error, Cause }`, two strings): a field tested below it other than those, or below them.
 */
function errorContradicts(errorAt: FieldPath, facts: RuleFacts): boolean {
  const impossible = (path: FieldPath) => {
    if (!startsWith(path, errorAt) || path.length === errorAt.length) return false;
    const rest = path.slice(errorAt.length);
    return (rest[0] !== "Error" && rest[0] !== "Cause") || rest.length > 1;
  };
  return (
    facts.present.some(impossible) ||
    facts.equals.some(
      (e) => impossible(e.path) || (e.path.length === errorAt.length + 1 && startsWith(e.path, errorAt) && typeof e.value !== "string"),
    )
  );
}

const startsWith = (path: FieldPath, prefix: FieldPath) => prefix.every((segment, i) => path[i] === segment);
const samePath = (a: FieldPath, b: FieldPath) => a.length === b.length && startsWith(a, b);

/** Which of a literal field's values the facts about it (at `path`) leave possible. */
function allowed(values: readonly (string | number | boolean)[], facts: RuleFacts, path: FieldPath): (string | number | boolean)[] {
  const at = (e: { readonly path: FieldPath }) => samePath(e.path, path);
  const equal = facts.equals.filter(at).map((e) => e.value);
  const differ = (facts.differs ?? []).filter(at).map((e) => e.value);
  return values.filter((v) => equal.every((e) => e === v) && !differ.includes(v));
}

/** The read checks over one type checker: the types at sites asked once, in one batch where they can be. */
export class ReadChecker<T> {
  readonly #types = new Map<Arrival, Promise<T | undefined>>();
  constructor(readonly ops: TypeOps<T>) {}

  /**
   * A Task's reads that go into its request as they are, with the kind the request's type wants
   * there (a number read into DynamoDB's `{ N: string }` is a finding): what TypeScript checks for
   * a step written inline, where the `$` of a step declared on its own is `any`.
   */
  async withRequestNeeds(use: Use): Promise<Use> {
    if (!use.site || !use.reads.some((r) => r.request && r.need === "present")) return use;
    const request = await this.ops.requestOf(use.site);
    if (request === undefined || this.ops.open(request)) return use;
    const reads = await Promise.all(
      use.reads.map(async (read) => {
        if (!read.request || read.need !== "present") return read;
        // A wrapping integration puts the payload under its field (`Payload`): the request type is the payload's.
        const leaves = (await this.#leaves(request, read.request)) ?? (await this.#leaves(request, read.request.slice(1)));
        const kinds = new Set((await Promise.all((leaves ?? []).map((t) => this.ops.kinds(t)))).flatMap((k) => [...k]));
        const [only] = kinds;
        return kinds.size === 1 && (only === "string" || only === "number" || only === "boolean" || only === "array")
          ? { ...read, need: only }
          : read;
      }),
    );
    return { ...use, reads };
  }

  /**
   * A step of declared input (`lambda<In, Out>`), with the arrivals TypeScript did not check in
   * full (`any` arrives, or a Choice's branch, compared both ways) and the fields its input type
   * requires as its reads. None where TypeScript checked every arrival.
   */
  async withDeclaredReads(use: Use): Promise<Use> {
    const unchecked = [];
    for (const arrival of use.arrivals) if (arrival.narrowing || (await this.arrivesOpen(arrival))) unchecked.push(arrival);
    const input = unchecked.length > 0 && use.site ? await this.ops.inputOf(use.site) : undefined;
    if (input === undefined) return { ...use, arrivals: [], reads: [] };
    return { ...use, arrivals: unchecked, reads: await declaredReads(this.ops, input) };
  }

  /** The types at a path of a request type (every union member that has it), or undefined where a field is not there. */
  async #leaves(type: T, path: readonly (string | number)[]): Promise<T[] | undefined> {
    if (this.ops.open(type)) return [];
    if (path.length === 0) return [type];
    const [segment, ...rest] = path;
    const found: T[] = [];
    let any = false;
    for (const member of await this.ops.members(type)) {
      const next = typeof segment === "number" ? await this.ops.element(member, segment) : (await this.ops.field(member, segment!))?.type;
      if (next === undefined) continue;
      any = true;
      found.push(...((await this.#leaves(next, rest)) ?? []));
    }
    return any ? found : undefined;
  }

  /** Asks the types at many arrivals at once (the native checker answers over a pipe: one round trip). */
  prefetch(arrivals: readonly Arrival[]): void {
    const asked = [...new Set(arrivals.filter((a) => a.site && !this.#types.has(a)))];
    const answers = this.ops.flowingAt(asked.map((a) => a.site!));
    for (const [i, arrival] of asked.entries())
      this.#types.set(
        arrival,
        answers.then((types) => types[i]),
      );
  }

  /**
   * Whether what arrives this way is data not declared where TypeScript sees it (`any`, `unknown`,
   * or such data with a result merged in, whose other fields an index signature of `unknown`
   * gives): any step may be handed it (see Loose), so TypeScript checked nothing along it.
   */
  async arrivesOpen(arrival: Arrival): Promise<boolean> {
    const type = await this.#typeAt(arrival);
    if (type === undefined) return false;
    if (this.ops.open(type)) return true;
    // A name no type declares: what an index signature alone gives.
    const other = await this.ops.field(type, "\u0000undeclared");
    return other !== undefined && !other.declared && this.ops.open(other.type);
  }

  /** Waits for every question still out (types asked ahead and not needed): none is left running when the checks end and the checker closes. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#types.values(), ...(this.#liveness ? [this.#liveness] : [])]);
  }

  #typeAt(arrival: Arrival): Promise<T | undefined> {
    if (!arrival.site) return Promise.resolve(undefined);
    if (!this.#types.has(arrival)) this.prefetch([arrival]);
    return this.#types.get(arrival)!;
  }

  /**
   * Whether data can come this way at all: from where a graph starts, through arrivals none of
   * whose Choice rules contradicts the data arriving at it (see #contradicts). Worked out forward,
   * from the graphs' starts, until nothing changes.
   */
  async #live(arrival: Arrival): Promise<boolean> {
    if (!this.#settling) return true;
    this.#liveness ??= this.#settle(upstreamOf(this.#settling));
    return (await this.#liveness).has(arrival);
  }
  #settling: readonly Arrival[] | undefined;
  #liveness: Promise<ReadonlySet<Arrival>> | undefined;

  /**
   * Which of these arrivals, and of those before them, data can come by (see #live) is worked out
   * once, for all, when first asked: not at all where no read is checked (no question is left
   * running when the checks end).
   */
  settle(arrivals: readonly Arrival[]): void {
    this.#settling = arrivals;
    this.#liveness = undefined;
  }

  async #settle(arrivals: readonly Arrival[]): Promise<ReadonlySet<Arrival>> {
    const taken = new Map<Arrival, boolean>();
    for (const arrival of arrivals) taken.set(arrival, !(arrival.facts && (await this.#factsFail(arrival, arrival.facts, 0))));
    const live = new Set<Arrival>();
    for (let changed = true; changed;) {
      changed = false;
      for (const arrival of arrivals) {
        if (live.has(arrival) || !taken.get(arrival)) continue;
        if (arrival.before.length === 0 || arrival.before.some((b) => live.has(b))) {
          live.add(arrival);
          changed = true;
        }
      }
    }
    return live;
  }

  /** Whether a rule's facts fail on everything that reaches it (through the steps that hand it on, a few deep). */
  async #factsFail(arrival: Arrival, given: RuleFacts, depth: number): Promise<boolean> {
    // An earlier Choice rule on the way adds what it tested: `kind == "card"` then `kind == "bank"` fails.
    const facts = depth === 0 ? given : joinFacts(given, arrival.facts);
    if (arrival.errorAt && errorContradicts(arrival.errorAt, facts)) return true;
    const type = await this.#typeAt(arrival);
    if (type !== undefined && (await this.#ruledOutAt(arrival, type, facts))) return true;
    if (!arrival.passes || arrival.before.length === 0 || depth >= 16) return false;
    const above = factsAbove(facts, arrival.passes.writes);
    for (const before of arrival.before) if (!(await this.#factsFail(before, above, depth + 1))) return false;
    return true;
  }

  /**
   * Whether a union member (at `at`) is ruled out by what a Choice rule tested: `kind == "card"`
   * rules out `{ kind: "bank" }`, `email.isPresent()` a member that has no `email`.
   */
  #ruledOut(member: T, at: FieldPath, facts: RuleFacts): Promise<boolean> {
    return this.#contradicts(member, factsBelow(facts, at));
  }

  /**
   * Whether no value of this type meets all the facts together: a field they need is not there at
   * all, or a literal field never has the value they compare it with, in every member of a union
   * (`kind == "card"` and then `kind == "bank"`: none). Nothing arrives that way then: a branch behind
   * `$.email.isPresent()` after a step that drops `email` is never taken.
   */
  async #contradicts(type: T, facts: RuleFacts, missing: "rules out" | "may pass" = "rules out"): Promise<boolean> {
    const differs = facts.differs ?? [];
    if ((facts.present.length === 0 && facts.equals.length === 0 && differs.length === 0) || this.ops.open(type)) return false;
    const members = await this.ops.members(type);
    if (members.length > 1) {
      for (const member of members) if (!(await this.#contradicts(member, facts, missing))) return false;
      return true;
    }
    if ([...facts.equals, ...differs].some((e) => e.path.length === 0)) {
      const values = await this.ops.literals(type);
      if (values !== undefined && !allowed(values, facts, []).length) return true;
    }
    const fields = new Set(
      [...facts.present, ...facts.equals.map((e) => e.path), ...differs.map((e) => e.path)].filter((p) => p.length > 0).map((p) => p[0]!),
    );
    for (const key of fields) {
      const rest = factsBelow(facts, [key]);
      if (typeof key === "number") {
        const element = await this.ops.element(type, key);
        if (element === undefined ? missing === "rules out" : await this.#contradicts(element, rest, missing)) return true;
        continue;
      }
      const field = await this.ops.field(type, key);
      // A field only an index signature gives may or may not be there: nothing contradicts it.
      if (field === undefined ? missing === "rules out" : field.declared && (await this.#contradicts(field.type, rest, missing)))
        return true;
    }
    return false;
  }

  /**
   * Whether the type at an arrival's site rules out data that meets the facts. Where the producer
   * hands on its input, a field its type leaves out may still pass through it (a step declared on
   * its own knows only its declared input): only what it writes, and the values its type gives the
   * fields it names, rule out there; what arrives at the producer decides the rest.
   */
  async #ruledOutAt(arrival: Arrival, type: T, facts: RuleFacts): Promise<boolean> {
    if (!arrival.passes) return this.#contradicts(type, facts);
    const writes = arrival.passes.writes;
    return (await this.#contradicts(type, factsAbout(facts, writes))) || this.#contradicts(type, factsAbove(facts, writes), "may pass");
  }

  /** The read from segment `i` on, in a type: the first field that is missing, may be missing, or is of the wrong kind. */
  async #walk(type: T, read: Read, i: number, facts: RuleFacts, origin: Origin): Promise<Verdict> {
    if (i === read.path.length) {
      // A field whose type is not declared (`unknown`) may be anything: nothing to say of its kind.
      if (this.ops.open(type)) return ok;
      if (read.literals) return this.#literalVerdict(type, read, facts, origin);
      if (read.need === "present") return ok;
      return fits(await this.ops.kinds(type), read.need) ? ok : wrongKind(read, await this.ops.text(type), origin);
    }
    // Below `any` or `unknown` nothing is known: what arrives earlier may say more.
    if (this.ops.open(type)) return open;
    const at = read.path.slice(0, i);
    const members = await this.ops.members(type);
    if (members.length > 1) {
      const kept = [];
      for (const member of members) if (!(await this.#ruledOut(member, at, facts))) kept.push(member);
      return this.#anyMember(await Promise.all(kept.map((m) => this.#walk(m, read, i, facts, origin))), read, origin);
    }
    const segment = read.path[i]!;
    if (typeof segment === "number" || segment === anyItem) {
      const element = await this.ops.element(type, typeof segment === "number" ? segment : 0);
      return element === undefined ? absent("missing", read, i + 1, origin) : this.#walk(element, read, i + 1, facts, origin);
    }
    const field = await this.ops.field(type, segment);
    // Where an earlier IsPresent of the rule's And tests the field, the read runs only where it is there.
    const guarded = i < (read.guarded ?? 0);
    if (field === undefined) return guarded ? ok : absent("missing", read, i + 1, origin);
    if (!field.declared && this.ops.open(field.type)) return open;
    const tested = guarded || facts.present.some((p) => samePath(p, [...at, segment]));
    if (field.optional && !tested) return absent("optional", read, i + 1, origin);
    return this.#walk(field.type, read, i + 1, facts, origin);
  }

  /** A field declared as a literal (`kind: "card"`): every value that can arrive, after what the rules on the way tested, must be one it allows. */
  async #literalVerdict(type: T, read: Read, facts: RuleFacts, origin: Origin): Promise<Verdict> {
    const values = await this.ops.literals(type);
    const arriving = values === undefined ? undefined : allowed(values, facts, read.path);
    if (arriving?.every((v) => read.literals!.includes(v))) return ok;
    const equal = facts.equals.find((e) => samePath(e.path, read.path));
    if (equal && read.literals!.includes(equal.value)) return ok;
    return wrongKind(read, arriving ? arriving.map((v) => JSON.stringify(v)).join(" | ") : await this.ops.text(type), origin);
  }

  /** A union: the read holds where it holds for every member; a member without the field makes it one that may be left out. */
  #anyMember(verdicts: readonly Verdict[], read: Read, origin: Origin): Verdict {
    const findings = verdicts.filter((v) => v.kind === "finding");
    const kind = findings.find((v) => v.reason === "kind");
    if (kind) return kind;
    if (findings.length > 0 && findings.length === verdicts.length && findings.every((v) => v.reason === "missing")) return findings[0]!;
    if (findings.length > 0) return absent("union", read, Math.min(...findings.map((v) => v.length)), origin);
    return verdicts.some((v) => v.kind === "open") ? open : ok;
  }

  /**
   * What a read comes to along an arrival. Where the producer hands the field on as it received it
   * and the type at the site cannot vouch for it, the arrivals into the producer decide (each once
   * on the way: around a loop nothing new arrives); a finding there is the finding. `facts`: what
   * the Choice rules passed on the way say of the data.
   */
  async verdict(origin: Origin, read: Read, onTheWay: ReadonlySet<Arrival>, outer: RuleFacts = noFacts): Promise<Verdict> {
    const { arrival } = origin;
    if (arrival.opaque || !(await this.#live(arrival))) return ok;
    const facts = joinFacts(outer, arrival.facts);
    if (arrival.errorAt && errorContradicts(arrival.errorAt, facts)) return ok;
    if (arrival.errorAt && startsWith(read.path, arrival.errorAt)) return errorOutputVerdict(read, arrival.errorAt, origin);
    const type = await this.#typeAt(arrival);
    if (type !== undefined && (await this.#ruledOutAt(arrival, type, facts))) return ok;
    const own = type === undefined ? open : await this.#walk(type, read, 0, facts, origin);
    const passes = arrival.passes;
    if (own.kind === "ok" || !passes) return own;
    // A read of what the producer writes (or of a field holding it) is the producer's to answer:
    // by the result it writes where its output, merged into `any`, says nothing.
    if (passes.writes && (startsWith(read.path, passes.writes) || startsWith(passes.writes, read.path))) {
      if (own.kind !== "open" || !startsWith(read.path, passes.writes) || !arrival.site) return own;
      const result = await this.ops.writtenAt(arrival.site);
      return result === undefined ? own : this.#walk(result, read, passes.writes.length, facts, origin);
    }
    if (arrival.before.length === 0) return own;
    const above = factsAbove(facts, passes.writes);
    let unknown = false;
    for (const before of arrival.before.filter((a) => !onTheWay.has(a))) {
      const next = { ...origin, arrival: before, through: [...origin.through, arrival.producer] };
      const verdict = await this.verdict(next, read, new Set([...onTheWay, before]), above);
      if (verdict.kind === "finding") return verdict;
      if (verdict.kind === "open") unknown = true;
    }
    // Where only `any` arrives, the producer's own declared input is all that is known.
    return unknown ? own : ok;
  }
}
