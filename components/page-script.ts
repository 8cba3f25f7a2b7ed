/**
 * The little every page does with JavaScript, without React: the pages are plain HTML
 * (scripts/finish-pages.ts), and only the search page adds a script of its own
 * (components/search-island.tsx). Each part only adds to markup that already works
 * without it.
 *
 * - "/" anywhere outside a text field focuses the page's search field.
 * - The header search box's first focus fetches the files every query needs (listed in
 *   its `data-prefetch`), at low priority, into the HTTP cache the search page reads.
 * - The language link carries the page's query string (the search page keeps its query
 *   and facets there), which the build cannot know.
 * - An article's copy-link button appears where the clipboard can be written, copies the
 *   story's address, and says in its status line whether that worked.
 */

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

function focusSearchOnSlash(document: Document) {
  document.addEventListener('keydown', (event) => {
    if (
      event.key !== '/' ||
      event.defaultPrevented ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      isTextField(event.target)
    )
      return;
    const field = document.querySelector<HTMLInputElement>('form[role="search"] input[name="q"]');
    if (!field) return;
    event.preventDefault();
    field.focus();
  });
}

function prefetchOnFirstFocus(document: Document) {
  for (const field of document.querySelectorAll<HTMLInputElement>('input[data-prefetch]')) {
    const urls = (field.dataset.prefetch ?? '').split(' ').filter(Boolean);
    field.addEventListener(
      'focus',
      () => urls.forEach((url) => fetch(url, { priority: 'low' }).catch(() => undefined)),
      { once: true },
    );
  }
}

function languageLinkKeepsQuery(document: Document) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.language-switcher a[hreflang]')) {
    // The link is followed after the click's handlers run, so it takes the query set here.
    link.addEventListener('click', () => {
      link.search = document.location.search;
    });
  }
}

function copyLinkButtons(document: Document) {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
    const status = button.closest('section')?.querySelector<HTMLElement>('[role="status"]');
    const say = (text: string | undefined) => {
      if (status) status.textContent = text ?? '';
    };
    button.closest('[hidden]')?.removeAttribute('hidden');
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(button.dataset.copyLink ?? document.location.href).then(
        () => say(status?.dataset.copied),
        () => say(status?.dataset.notCopied),
      );
    });
  }
}

focusSearchOnSlash(document);
prefetchOnFirstFocus(document);
languageLinkKeepsQuery(document);
copyLinkButtons(document);
