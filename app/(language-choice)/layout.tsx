import type { ReactNode } from 'react';
import '../globals.css';

/** The root address serves both languages; English is its document language, Vietnamese parts are marked. */
export default function LanguageChoiceLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
