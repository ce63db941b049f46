import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '../i18n/i18n';

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // Reading i18n.language makes this component re-render on languageChanged.
  const value: Language = i18n.language === 'en-US' ? 'en-US' : currentLanguage();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('lang.label')}
      value={value}
      onChange={(lang) => void changeLanguage(lang)}
      options={[
        { value: 'zh-CN', label: t('lang.zhCN') },
        { value: 'en-US', label: t('lang.enUS') },
      ]}
    />
  );
}
