import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'zg.lang';
const DEFAULT_LANGUAGE: Language = 'zh-CN';

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((lang) => lang === value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked by policy: fall back to the default
  }
}

/** zh-CN is the default whatever the browser says: the users are Chinese police units. */
export function initI18n(translations: Record<Language, Resource[string][string]>): void {
  const lng = storedLanguage();
  void i18n.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: translations['zh-CN'] },
      'en-US': { translation: translations['en-US'] },
    },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // Permission codes such as `user:read` are keys (`perm.user:read`), so ':' must not split namespaces.
    nsSeparator: false,
    interpolation: { escapeValue: false }, // React escapes already
    // A key without a text (even one shown through a defaultValue) is named in the console, where
    // the e2e crawl of every page looks for it.
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => console.warn(`[i18n] missing: ${key}`),
    initAsync: false,
    showSupportNotice: false,
  });
  syncLanguage(lng);
  i18n.on('languageChanged', syncLanguage);
}

/** dayjs (used by antd date pickers and our formatting) and <html lang> follow i18next. */
function syncLanguage(lng: string): void {
  dayjs.locale(lng === 'en-US' ? 'en' : 'zh-cn');
  document.documentElement.lang = lng;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

export async function changeLanguage(lang: Language): Promise<void> {
  await i18n.changeLanguage(lang);
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still holds for this tab.
  }
}
