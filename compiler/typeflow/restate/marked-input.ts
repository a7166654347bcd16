import { isOwnMarker } from "../base/names.js";
import type { RestateOps } from "./ops.js";

/** What a step or chain needs as input: the parameter of its `[inType]` marker. */
export async function inputOf<T>(ops: RestateOps<T>, type: T): Promise<T | undefined> {
  const marker = (await ops.properties(type)).find((p) => isOwnMarker(p, "inType"));
  const markerType = await marker?.type();
  return markerType && ops.firstParameter(markerType);
}
