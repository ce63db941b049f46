/**
 * The pages opened in this browser tab (多页签): one tab per menu entry, which remembers the last
 * address seen under it (a detail page, a filter in the query string), so switching back lands
 * where the user left. 首页 is always first and cannot be closed.
 */
export interface OpenPage {
  /** The menu entry's path: the tab's identity. */
  entry: string;
  /** Where the tab leads: the last address visited under the entry. */
  to: string;
}

export const HOME_ENTRY = '/';
const HOME: OpenPage = { entry: HOME_ENTRY, to: HOME_ENTRY };
/** Enough for a working morning; beyond it the oldest tab (after 首页) gives way. */
export const MAX_OPEN_PAGES = 12;

/** The list with the given page in it: an open tab follows the address, a new one goes last. */
export function withPage(pages: readonly OpenPage[], page: OpenPage): OpenPage[] {
  const base = pages.some((p) => p.entry === HOME_ENTRY) ? [...pages] : [HOME, ...pages];
  const at = base.findIndex((p) => p.entry === page.entry);
  if (at >= 0) {
    base[at] = page.entry === HOME_ENTRY ? HOME : page;
    return base;
  }
  const next = [...base, page];
  return next.length > MAX_OPEN_PAGES ? [next[0] as OpenPage, ...next.slice(2)] : next;
}

/**
 * The list without the given tab, and where to go if it was the current one: its right-hand
 * neighbour, else the left one (首页 stays, so there always is one).
 */
export function withoutPage(pages: readonly OpenPage[], entry: string): { pages: OpenPage[]; neighbour: OpenPage } {
  const at = pages.findIndex((p) => p.entry === entry);
  if (entry === HOME_ENTRY || at < 0) return { pages: [...pages], neighbour: pages[0] ?? HOME };
  const rest = pages.filter((p) => p.entry !== entry);
  return { pages: rest, neighbour: rest[at] ?? rest[at - 1] ?? HOME };
}

/** Only 首页 and the given tab. */
export function onlyPage(pages: readonly OpenPage[], entry: string): OpenPage[] {
  return [HOME, ...pages.filter((p) => p.entry === entry && p.entry !== HOME_ENTRY)];
}

const isOpenPage = (x: unknown): x is OpenPage =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as OpenPage).entry === 'string' &&
  typeof (x as OpenPage).to === 'string' &&
  (x as OpenPage).entry.startsWith('/') &&
  (x as OpenPage).to.startsWith('/') &&
  !(x as OpenPage).to.startsWith('//');

/**
 * Reads the stored list (sessionStorage: it ends with the browser tab), keeping only well-formed
 * tabs whose entry the user may still open; anything unreadable gives just 首页.
 */
export function parseOpenPages(stored: string | null, allowed: (entry: string) => boolean): OpenPage[] {
  let parsed: unknown;
  try {
    parsed = stored ? JSON.parse(stored) : [];
  } catch {
    parsed = [];
  }
  const pages = Array.isArray(parsed) ? parsed.filter(isOpenPage).filter((p) => p.entry === HOME_ENTRY || allowed(p.entry)) : [];
  return pages.slice(0, MAX_OPEN_PAGES).reduce<OpenPage[]>((list, p) => withPage(list, p), [HOME]);
}
