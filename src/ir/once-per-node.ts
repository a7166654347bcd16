/**
 * A function of an IR node, computed once per node: the IR is frozen when a workflow is
 * assembled, so what is derived from a node stays true, and several rules ask for the same thing.
 */
export function oncePerNode<Node extends object, Derived>(derive: (node: Node) => Derived): (node: Node) => Derived {
  const derived = new WeakMap<Node, Derived>();
  return (node) => {
    if (derived.has(node)) return derived.get(node)!;
    const value = derive(node);
    derived.set(node, value);
    return value;
  };
}
