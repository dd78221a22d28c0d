import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/base.css';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
const container = document.getElementById('root');
if (container) createRoot(container).render(<StrictMode><App /></StrictMode>);
