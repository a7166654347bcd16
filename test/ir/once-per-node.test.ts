import { describe, expect, it } from "vitest";
import { oncePerNode } from "../../src/ir/once-per-node.js";

describe("oncePerNode", () => {
  it("derives a node's value on the first call and gives the same value after", () => {
    const calls: object[] = [];
    const sizeOf = oncePerNode((node: { items: number[] }) => {
      calls.push(node);
      return { size: node.items.length };
    });
    const node = { items: [1, 2, 3] };
    const first = sizeOf(node);
    expect(first).toEqual({ size: 3 });
    expect(sizeOf(node)).toBe(first);
    expect(calls).toEqual([node]);
  });

  it("derives each node on its own, an equal one included", () => {
    const sizeOf = oncePerNode((node: { items: number[] }) => ({ size: node.items.length }));
    const a = { items: [1] };
    const b = { items: [1] };
    expect(sizeOf(a)).not.toBe(sizeOf(b));
    expect(sizeOf(b)).toEqual({ size: 1 });
  });

  it("keeps a derived undefined, and does not derive it again", () => {
    let calls = 0;
    const nothing = oncePerNode(() => {
      calls++;
      return undefined;
    });
    const node = {};
    expect(nothing(node)).toBeUndefined();
    expect(nothing(node)).toBeUndefined();
    expect(calls).toBe(1);
  });
});
