import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NavItem } from './nav-items';
import type { SubPageLabel } from './page-trail';

/** Words for a page trail: the menu's own labels, and the shell's or the page's name for a sub-page. */
export function usePageLabels() {
  const { t, i18n } = useTranslation();
  const entryLabel = useCallback((item: NavItem) => t(`layout.menu.${item.labelKey}`), [t]);
  const subLabel = useCallback(
    (sub: SubPageLabel) => {
      if (sub.kind === 'sub') return t(`layout.subPage.${sub.key}`);
      // A tab of a tabbed page is named by that page's own tab strip; an unknown one is a detail.
      const key = `${sub.page}.tabs.${sub.tab}`;
      return i18n.exists(key) ? t(key as ParseKeys) : t('layout.subPage.detail');
    },
    [t, i18n],
  );
  return { entryLabel, subLabel };
}
