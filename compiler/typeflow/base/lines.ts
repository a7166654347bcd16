// No ts-morph here: both checkers' paths count lines this way.

/** Where each line of a text starts, as TypeScript counts positions (UTF-16 units). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of a position, given where the text's lines start. */
export function lineAndColumn(starts: readonly number[], position: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: position - starts[low]! + 1 };
}
