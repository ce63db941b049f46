import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefersReducedMotion } from '../shared/hooks/usePrefersReducedMotion';

// antd/es/locale (ESM): the CJS antd/locale entry lost its default export in the Rolldown build (English pagers).
/** antd components and the document title follow the i18next language (dayjs: see shared/i18n). */
export function AppConfigProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const reducedMotion = usePrefersReducedMotion();

  useEffect(() => {
    document.title = t('layout.appName');
  }, [t]);

  // autoInsertSpace off: "保存" stays "保存" (not "保 存"), so tests and screen readers get the real word.
  // Reduced motion (an accessibility setting) turns antd's animations off: dropdowns, modals and
  // drawers then open and close at once. The end-to-end tests run with it, so they wait for
  // states, not for animations to finish.
  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={reducedMotion ? { token: { motion: false } } : undefined}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
