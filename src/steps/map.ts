import type { DraftOf, DraftWrite } from "./draft.js";
import type { ItemBatcherOptions, ItemReaderOptions, ResultWriterOptions } from "./options.js";
import type { AtPath, JsonPath } from "../data/path-string.js";
import type { JsonataExpr } from "../data/jsonata.js";
import { type ContextObject, rootRef } from "../data/proxy.js";
import type { Ref, RefBase } from "../data/ref.js";
import type { Resolve } from "../data/template.js";
import { chainData, type Chainable, type FinalOutputOf, type InputOf } from "./chain.js";
import { numberOrPath, recordSelector } from "./io.js";
import { definedOnly } from "../ir/defined.js";
import { type BuildsFromInput, ResultStep } from "./result-step.js";
import { newDraft, withFields } from "./step.js";
import { callSite } from "./source.js";
import type { ElementOf } from "./types.js";

/** The current item, as `$$.Map.Item` gives it to ItemSelector. */
export interface MapItem<T> {
  readonly value: Ref<T>;
  readonly index: Ref<number>;
}

/** Inline (the default), or Distributed: child executions of the given type (AWS requires it). */
export type MapMode =
  | { readonly mode?: "INLINE"; readonly executionType?: never }
  | { readonly mode: "DISTRIBUTED"; readonly executionType: "STANDARD" | "EXPRESS" };

export type MapOptions<In, P extends string, B, Items> = MapFields<In, P, B, Items> & MapMode;

export interface MapFields<In, P extends string, B, Items> {
  /** The array to iterate: a path (`"$.orders"`), a selector, or (JSONata) an expression or literal array. */
  readonly items?: P | (($: Ref<In>) => RefBase<Items>) | JsonataExpr<Items> | Items;
  /** Builds each item's input from the state input and the item (`ItemSelector`). */
  readonly itemSelector?: ($: Ref<In>, item: MapItem<ElementOf<Listed<In, P, Items>>>, $$: Ref<ContextObject>) => B;
  // NoInfer: a path string must not make up the input type it reads from.
  readonly maxConcurrency?: number | JsonataExpr<number> | NoInfer<JsonPath<In>>;
  readonly itemReader?: ItemReaderOptions;
  readonly itemBatcher?: ItemBatcherOptions<NoInfer<In>>;
  readonly resultWriter?: ResultWriterOptions;
  readonly toleratedFailurePercentage?: number | JsonataExpr<number> | NoInfer<JsonPath<In>>;
  readonly toleratedFailureCount?: number | JsonataExpr<number> | NoInfer<JsonPath<In>>;
  /** Distributed Map: a label for child executions (at most 40 characters). */
  readonly label?: string;
  /** Writes the names ASL used before 2022, `Iterator` and `Parameters`, for ItemProcessor and ItemSelector (as older definitions do). */
  readonly legacy?: boolean;
}

/**
 * The array a Map iterates. `items: "$.lines"` offers its text to `Items` too (a literal array is
 * inferred the same way); an array is never a string, so a string there means the path's array.
 */
type Listed<In, P extends string, Items> = [Items] extends [string] ? AtPath<In, P> : Items;
type ItemOf<In, P extends string, B, Items> = [B] extends [never]
  ? unknown extends In
    ? unknown
    : ElementOf<Listed<In, P, Items>>
  : Resolve<B>;
type CheckItem<Item> = unknown extends Item ? unknown : Chainable<Item, unknown>;
/** What each iteration gives: the processor's output (or what its Succeed states receive) for the item it is handed. */
type IterationOf<N, Item> = FinalOutputOf<N, unknown extends Item ? InputOf<N> : Item>;

/** A Map state: takes `In`, gives `Out` (the array of its iterations' outputs, or a recipe: see flow.ts). */
export class MapStep<In, Out> extends ResultStep<"Map", In, Out, BuildsFromInput<In>> {}

/** A Map before its item processor is given. */
export class MapBuilder<In, P extends string, B, Items> {
  constructor(
    private readonly name: string,
    private readonly fields: DraftWrite<"Map">,
    private readonly source: DraftOf<"Map">,
  ) {}

  /**
   * The steps run for each item. The Map's result is the array of their outputs.
   * @example map("ReserveAll", { items: "$.lines" }).process(reserve)
   */
  process<N extends Chainable<any, any>>(
    processor: N & CheckItem<ItemOf<In, P, B, Items>>,
  ): MapStep<In, IterationOf<N, ItemOf<In, P, B, Items>>[]> {
    if (!processor || !(chainData in processor)) throw new TypeError(`map "${this.name}": .process() needs a step or chain`);
    const source = callSite();
    return new MapStep(
      withFields(this.source, { ...this.fields, processor: processor[chainData], ...(source ? { processorSource: source } : {}) }),
    );
  }
}

/**
 * A Map state with its item processor given in the options: written inline, it gets the input of
 * the step before (`validate.next(map("ShipEach", { items: $ => $.orders, process: ship }))`).
 */
export function map<In = any, const P extends string = "$", B = never, Items = AtPath<In, P>, N extends Chainable<any, any> = never>(
  name: string,
  options: MapOptions<In, P, B, Items> & { readonly process: N & NoInfer<CheckItem<ItemOf<In, P, B, Items>>> },
): MapStep<In, IterationOf<N, ItemOf<In, P, B, Items>>[]>;
// The form with `process` comes first: a selector's parameter takes its type from the first overload tried.
/**
 * A Map state: runs `.process(chain)` for each item. Inline by default; `mode: "DISTRIBUTED"` with
 * `itemReader`/`itemBatcher`/`resultWriter` for large data sets.
 * @example map("ShipEach", { items: "$.orders", maxConcurrency: 10 }).process(ship)
 */
export function map<In = any, const P extends string = "$", B = never, Items = AtPath<In, P>>(
  name: string,
  options?: MapOptions<In, P, B, Items>,
): MapBuilder<In, P, B, Items>;
export function map(name: string, options: any = {}): unknown {
  const builder = mapBuilder(name, options);
  return options.process === undefined ? builder : builder.process(options.process);
}

function mapBuilder(name: string, options: MapOptions<any, string, unknown, any>): MapBuilder<any, string, unknown, any> {
  const fields: DraftWrite<"Map"> = {};
  const { items } = options;
  if (typeof items === "string" || typeof items === "function") fields.itemsPath = recordSelector(items);
  else if (items !== undefined) fields.items = items;
  if (options.itemSelector) {
    const context = rootRef<ContextObject>({ kind: "context" });
    const item = { value: context.Map.Item.Value, index: context.Map.Item.Index };
    fields.itemSelector = options.itemSelector(rootRef({ kind: "input" }), item, rootRef({ kind: "context" }));
  }
  for (const key of ["maxConcurrency", "toleratedFailurePercentage", "toleratedFailureCount"] as const) {
    if (options[key] === undefined) continue;
    const { value, path } = numberOrPath(options[key]);
    if (path !== undefined) fields[`${key}Path`] = path;
    else fields[key] = value;
  }
  const { mode, executionType, itemReader, itemBatcher, resultWriter, label, legacy } = options;
  const set = definedOnly({ mode, executionType, itemReader, itemBatcher, resultWriter, label, legacy });
  return new MapBuilder(name, { ...fields, ...set }, newDraft("Map", name));
}
