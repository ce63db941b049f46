import 'i18next';
import type { zhCN } from './locales';

// Typed keys: `t('users.title')` is checked at compile time against the zh-CN resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    nsSeparator: false;
  }
}
