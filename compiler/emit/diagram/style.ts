import type { NodeKind } from "./model.js";

/** How a run is drawn: the path taken in green, what it never entered faded. */
export const runColors = { taken: "#2e8540", faded: "#aab7b8" } as const;

/** Fill and stroke by state type, close to the Step Functions console's palette. */
export const palette: Readonly<Record<NodeKind, { fill: string; stroke: string }>> = {
  Task: { fill: "#e3f0fb", stroke: "#2e73b8" },
  Pass: { fill: "#f2f3f3", stroke: "#7d8998" },
  Wait: { fill: "#f4ecfb", stroke: "#8a4fbe" },
  Choice: { fill: "#fff4e0", stroke: "#d98a00" },
  Succeed: { fill: "#e6f4ea", stroke: "#2e8540" },
  Fail: { fill: "#fde8e8", stroke: "#c62828" },
  Parallel: { fill: "#e0f5f5", stroke: "#00838f" },
  Map: { fill: "#e0f5f5", stroke: "#00838f" },
  Start: { fill: "#232f3e", stroke: "#232f3e" },
  End: { fill: "#232f3e", stroke: "#232f3e" },
  Join: { fill: "#00838f", stroke: "#00838f" },
};
