import { foldText } from '@/lib/text/text-fold';

/**
 * The other names worth showing a reader: not the entity's names in either language, and
 * not a form that differs from one of those or from an earlier alias only in its marks or
 * case (search already finds "Le Dung" as "Lê Dũng").
 */
export function aliasesToShow(aliases: readonly string[], names: readonly string[]): string[] {
  const seen = new Set(names.map(foldText));
  return aliases.filter((alias) => {
    const folded = foldText(alias);
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}
