/**
 * Credits (`author`, `translator`, `source.name`) may name a person or an organisation of
 * the registry by id, so that a reporter, translator or outlet has a page listing what they
 * wrote, translated or published. The loader resolves them here: the text becomes the
 * entry's name in the file's language, and the link is kept beside it.
 */
import type { Registry } from '../views/entities';
import type { Locale } from '../site/i18n';
import type { CreditLink, Frontmatter } from './schema';

type Credits = Pick<Frontmatter, 'author' | 'translator' | 'source'>;

/** The registry entry a credit's text names by id, if it does. */
function creditLink(value: string | undefined, registry: Registry): CreditLink | undefined {
  if (value === undefined) return undefined;
  if (registry.people.has(value)) return { kind: 'people', id: value };
  if (registry.organisations.has(value)) return { kind: 'organisations', id: value };
  return undefined;
}

function nameOf(link: CreditLink | undefined, value: string, registry: Registry, locale: Locale): string {
  const entry = link && registry[link.kind].get(link.id);
  return entry ? entry.name[locale] : value;
}

/** The credits with ids replaced by names in `locale`, and where each named entry links. */
export function resolveCredits(
  credits: Credits,
  registry: Registry,
  locale: Locale,
): { credits: Credits; creditLinks: { author?: CreditLink; translator?: CreditLink; source?: CreditLink } } {
  const author = creditLink(credits.author, registry);
  const translator = creditLink(credits.translator, registry);
  const source = creditLink(credits.source?.name, registry);
  return {
    credits: {
      ...(credits.author !== undefined ? { author: nameOf(author, credits.author, registry, locale) } : {}),
      ...(credits.translator !== undefined
        ? { translator: nameOf(translator, credits.translator, registry, locale) }
        : {}),
      ...(credits.source !== undefined
        ? { source: { ...credits.source, name: nameOf(source, credits.source.name, registry, locale) } }
        : {}),
    },
    creditLinks: {
      ...(author ? { author } : {}),
      ...(translator ? { translator } : {}),
      ...(source ? { source } : {}),
    },
  };
}
