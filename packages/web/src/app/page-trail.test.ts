import { describe, expect, it } from 'vitest';
import { HOME_ENTRY, MAX_OPEN_PAGES, onlyPage, parseOpenPages, withoutPage, withPage } from './open-pages';
import { pageTrail } from './page-trail';

describe('pageTrail', () => {
  it('names the group and entry of a menu page, and nothing below it', () => {
    const trail = pageTrail('/training');
    expect(trail?.item.path).toBe('/training');
    expect(trail?.group).toBe('learning');
    expect(trail?.sub).toBeUndefined();
    expect(pageTrail('/')?.item.labelKey).toBe('home');
    expect(pageTrail('/orgs')?.group).toBeUndefined();
  });

  it('puts a detail page under its entry, the longest entry path winning', () => {
    expect(pageTrail('/exams/0190')).toMatchObject({ item: { path: '/exams' }, sub: { kind: 'sub', key: 'exam' } });
    expect(pageTrail('/exams/grading')).toMatchObject({ item: { path: '/exams/grading' } });
    expect(pageTrail('/exams/grading')?.sub).toBeUndefined();
    expect(pageTrail('/question-bank/papers/new')).toMatchObject({ item: { path: '/question-bank/papers' }, sub: { key: 'newPaper' } });
    expect(pageTrail('/question-bank/import')).toMatchObject({ item: { path: '/question-bank' }, sub: { key: 'questionImport' } });
    expect(pageTrail('/personnel/import')?.sub).toBeUndefined();
    expect(pageTrail('/personnel/abc')).toMatchObject({ item: { path: '/personnel' }, sub: { key: 'person' } });
    expect(pageTrail('/training/classes/1/')).toMatchObject({ item: { path: '/training' }, sub: { key: 'trainingClass' } });
  });

  it('names a tab of a tabbed page by the page and the tab', () => {
    expect(pageTrail('/awards/stats')?.sub).toEqual({ kind: 'tab', page: 'awards', tab: 'stats' });
    expect(pageTrail('/awards/exemplars/9')?.sub).toEqual({ kind: 'sub', key: 'campaign' });
    expect(pageTrail('/recruitment/odd/path/x')?.sub).toEqual({ kind: 'sub', key: 'detail' });
  });

  it('knows nothing of a path outside the menu (the 404 page)', () => {
    expect(pageTrail('/no-such-page')).toBeUndefined();
    expect(pageTrail('/trainingx')).toBeUndefined();
  });
});

describe('open pages', () => {
  const home = { entry: HOME_ENTRY, to: HOME_ENTRY };

  it('keeps 首页 first, one tab per entry, following the last address under it', () => {
    let pages = withPage([], { entry: '/exams', to: '/exams' });
    pages = withPage(pages, { entry: '/training', to: '/training' });
    pages = withPage(pages, { entry: '/exams', to: '/exams/42' });
    expect(pages).toEqual([home, { entry: '/exams', to: '/exams/42' }, { entry: '/training', to: '/training' }]);
  });

  it('drops the oldest tab after 首页 beyond the limit', () => {
    let pages = [home];
    for (let i = 0; i <= MAX_OPEN_PAGES; i++) pages = withPage(pages, { entry: `/p${i}`, to: `/p${i}` });
    expect(pages).toHaveLength(MAX_OPEN_PAGES);
    expect(pages[0]).toEqual(home);
    expect(pages.some((p) => p.entry === '/p0')).toBe(false);
  });

  it('closes a tab to its right-hand neighbour, else the left one, and never 首页', () => {
    const pages = [home, { entry: '/a', to: '/a' }, { entry: '/b', to: '/b/1' }];
    expect(withoutPage(pages, '/a')).toEqual({ pages: [home, { entry: '/b', to: '/b/1' }], neighbour: { entry: '/b', to: '/b/1' } });
    expect(withoutPage(pages, '/b').neighbour).toEqual({ entry: '/a', to: '/a' });
    expect(withoutPage(pages, HOME_ENTRY).pages).toEqual(pages);
    expect(onlyPage(pages, '/b')).toEqual([home, { entry: '/b', to: '/b/1' }]);
    expect(onlyPage(pages, HOME_ENTRY)).toEqual([home]);
  });

  it('reads back only well-formed tabs the user may still open', () => {
    const stored = JSON.stringify([{ entry: '/a', to: '/a/1' }, { entry: '/gone', to: '/gone' }, { entry: '/b', to: '//evil.example' }, 7]);
    expect(parseOpenPages(stored, (entry) => entry !== '/gone')).toEqual([home, { entry: '/a', to: '/a/1' }]);
    expect(parseOpenPages('{not json', () => true)).toEqual([home]);
    expect(parseOpenPages(null, () => true)).toEqual([home]);
  });
});
