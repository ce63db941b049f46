import { navItemOf, type NavGroupKey, type NavItem } from './nav-items';

/** Labels of pages below a menu entry that the shell names itself (layout.subPage.*). */
export type SubPageKey =
  | 'person'
  | 'exam'
  | 'takeExam'
  | 'questionImport'
  | 'newPaper'
  | 'paper'
  | 'trainingClass'
  | 'instructor'
  | 'competition'
  | 'announcement'
  | 'application'
  | 'campaign'
  | 'detail';

/** Menu entries whose page is a card of tabs, each tab its own address (`/awards/stats`). */
const TABBED_PAGES = ['auxiliary', 'awards', 'cadres', 'party', 'publicity', 'culture'] as const;
type TabbedPage = (typeof TABBED_PAGES)[number];

/** What the page below a menu entry is called: a shell label, or the name of its tab in the page. */
export type SubPageLabel = { kind: 'sub'; key: SubPageKey } | { kind: 'tab'; page: TabbedPage; tab: string };

const SUB_PAGES: readonly [RegExp, SubPageKey][] = [
  [/^\/personnel\/[^/]+$/, 'person'],
  [/^\/exams\/[^/]+$/, 'exam'],
  [/^\/my-exams\/[^/]+\/take$/, 'takeExam'],
  [/^\/question-bank\/import$/, 'questionImport'],
  [/^\/question-bank\/papers\/new$/, 'newPaper'],
  [/^\/question-bank\/papers\/[^/]+$/, 'paper'],
  [/^\/training\/classes\/[^/]+$/, 'trainingClass'],
  [/^\/talent\/instructors\/[^/]+$/, 'instructor'],
  [/^\/competitions\/[^/]+$/, 'competition'],
  [/^\/recruitment\/announcements\/[^/]+$/, 'announcement'],
  [/^\/recruitment\/applications\/[^/]+$/, 'application'],
  [/^\/awards\/exemplars\/[^/]+$/, 'campaign'],
];

export interface PageTrail {
  /** The sub-menu holding the entry, if any. */
  group?: NavGroupKey;
  /** The menu entry the page belongs to. */
  item: NavItem;
  /** Set when the page lies below the entry's own address (a detail page, a tab of the page). */
  sub?: SubPageLabel;
}

/**
 * Where a path sits in the menu, for the breadcrumb, the open-page tabs and the window title:
 * undefined for a path no menu entry covers (the 404 page).
 */
export function pageTrail(pathname: string): PageTrail | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const item = navItemOf(path);
  if (!item) return undefined;
  const trail: PageTrail = { item, ...(item.group ? { group: item.group } : {}) };
  if (path === item.path) return trail;
  const known = SUB_PAGES.find(([pattern]) => pattern.test(path));
  if (known) return { ...trail, sub: { kind: 'sub', key: known[1] } };
  const tab = /^\/([\w-]+)\/([\w-]+)$/.exec(path);
  const page = TABBED_PAGES.find((p) => p === tab?.[1]);
  if (tab && page) return { ...trail, sub: { kind: 'tab', page, tab: tab[2] as string } };
  return { ...trail, sub: { kind: 'sub', key: 'detail' } };
}
