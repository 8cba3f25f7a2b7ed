/**
 * How many single-character edits turn one string into another: insertions, deletions,
 * substitutions, and swaps of two neighbouring characters ("teh" → "the"), each one edit.
 * This is Damerau-Levenshtein in its restricted (optimal string alignment) form, which is
 * what a typo is: a swapped pair is not edited again.
 *
 * The npm packages we looked at either leave swaps out (two edits) or index every word's
 * deletions ahead of time, which costs more than the few comparisons a page makes.
 */

/**
 * The edit distance of `a` and `b`; past `limit`, only that it is more (`limit + 1`),
 * which lets a search through many words skip the far ones early.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rows of the distance table: the one before the previous one is what swaps need.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, column) => column);
  for (let row = 1; row <= a.length; row++) {
    const current = [row];
    let rowBest = row;
    for (let column = 1; column <= b.length; column++) {
      const same = a[row - 1] === b[column - 1];
      let distance = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + (same ? 0 : 1),
      );
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        distance = Math.min(distance, (beforePrevious[column - 2] as number) + 1);
      }
      current[column] = distance;
      rowBest = Math.min(rowBest, distance);
    }
    // Every later row only grows from this one's smallest value.
    if (rowBest > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, limit + 1);
}
