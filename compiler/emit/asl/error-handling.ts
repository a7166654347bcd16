import type { ErrorHandling } from "../../../src/ir/index.js";
import { catcherFields, copyFields, retrierFields } from "../../asl/fields.js";
import type { AslObject } from "./context.js";

/** `Retry` and `Catch`, in the order the user declared them (ASL tries them in order). */
export function emitErrorHandling(node: ErrorHandling, out: AslObject): void {
  if (node.retry) {
    out.Retry = node.retry.map((retrier) => {
      const r: AslObject = {};
      copyFields(retrier, r, retrierFields, "toAsl");
      return r;
    });
  }
  if (node.catch) {
    out.Catch = node.catch.map((catcher) => {
      const c: AslObject = {};
      copyFields(catcher, c, catcherFields, "toAsl");
      return c;
    });
  }
}
