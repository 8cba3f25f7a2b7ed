/** Places in an article's text: an offset in the body as the line and column of the file. */
type BodyPlace = (offset: number) => { line: number; column: number };

/** `bodyLine` is the file line the body starts on. */
export function bodyPlaces(body: string, bodyLine: number): BodyPlace {
  const lineStarts = [0];
  for (let at = body.indexOf('\n'); at !== -1; at = body.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return (offset) => {
    // The last line start at or before the offset, found by halving.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: bodyLine + low, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}
