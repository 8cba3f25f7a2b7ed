import { jsonForScript } from '@/lib/outputs/structured-data';

/**
 * Structured data as a `<script type="application/ld+json">`. Browsers never run it
 * (it is data, not JavaScript); the text is escaped so that nothing in it can close
 * the element early.
 */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
