import { otherLocale, type Locale } from '@/lib/site/locales';

/** An entry's name, and after it, where another entry listed with it has the same name, what tells them apart. */
export function NameToldApart({ name, apart, locale }: { name: string; apart: string | undefined; locale: Locale }) {
  if (apart === undefined) return <>{name}</>;
  return (
    <>
      {name} (<span lang={otherLocale(locale)}>{apart}</span>)
    </>
  );
}
