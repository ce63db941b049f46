import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/global.css';
import { App } from './app/App';
import { enUS, zhCN } from './app/locales';
import { initI18n } from './shared/i18n/i18n';

initI18n({ 'zh-CN': zhCN, 'en-US': enUS });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
