import type { StateNode } from "../../src/ir/state.js";
import { type Rule, statesOf } from "./rule.js";

/** ASL field pairs of which a state may set at most one (the literal and the path form of one thing). */
const exclusive: readonly (readonly [string, readonly (readonly [ir: string, asl: string])[]])[] = [
  [
    "Fail",
    [
      ["error", "Error"],
      ["errorPath", "ErrorPath"],
    ],
  ],
  [
    "Fail",
    [
      ["cause", "Cause"],
      ["causePath", "CausePath"],
    ],
  ],
  [
    "Task",
    [
      ["timeoutSeconds", "TimeoutSeconds"],
      ["timeoutSecondsPath", "TimeoutSecondsPath"],
    ],
  ],
  [
    "Task",
    [
      ["heartbeatSeconds", "HeartbeatSeconds"],
      ["heartbeatSecondsPath", "HeartbeatSecondsPath"],
    ],
  ],
  [
    "Wait",
    [
      ["seconds", "Seconds"],
      ["secondsPath", "SecondsPath"],
      ["timestamp", "Timestamp"],
      ["timestampPath", "TimestampPath"],
    ],
  ],
  [
    "Task",
    [
      ["next", "Next"],
      ["end", "End"],
    ],
  ],
  [
    "Pass",
    [
      ["next", "Next"],
      ["end", "End"],
    ],
  ],
  [
    "Wait",
    [
      ["next", "Next"],
      ["end", "End"],
    ],
  ],
  [
    "Parallel",
    [
      ["next", "Next"],
      ["end", "End"],
    ],
  ],
  [
    "Map",
    [
      ["next", "Next"],
      ["end", "End"],
    ],
  ],
];

/** ASL: a state sets at most one of a value and its path form (Error/ErrorPath, Seconds/Timestamp/...), and not both Next and End. */
export const exclusiveFields: Rule = {
  code: "SW2018",
  name: "exclusive-fields",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) =>
      exclusive
        .filter(([kind]) => kind === state.kind)
        .map(([, fields]) =>
          fields.filter(
            ([ir]) =>
              (state as StateNode & Record<string, unknown>)[ir] !== undefined &&
              (state as StateNode & Record<string, unknown>)[ir] !== false,
          ),
        )
        .filter((set) => set.length > 1)
        .map((set) => ({
          state,
          message: `State "${state.name}" sets ${set.map(([, asl]) => asl).join(" and ")}; a state takes at most one of them.`,
        })),
    );
  },
};
