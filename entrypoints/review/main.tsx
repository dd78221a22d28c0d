import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/base.css';
import { ReviewApp } from './ReviewApp';

document.documentElement.lang = browser.i18n.getUILanguage();
const container = document.getElementById('root');
if (container) createRoot(container).render(<StrictMode><ReviewApp /></StrictMode>);
