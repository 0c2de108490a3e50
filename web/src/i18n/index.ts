import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import nl from '../locales/nl.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem('opvangnet.lang');
  return saved === 'en' ? 'en' : 'nl';
}

// Dutch first: every visible text lives in the locale files; English falls back to Dutch.
void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** `<html lang>` follows the chosen language. */
function syncDocumentLanguage(lng: string) {
  document.documentElement.lang = lng;
}
syncDocumentLanguage(i18next.language);
i18next.on('languageChanged', (lng) => {
  syncDocumentLanguage(lng);
  globalThis.localStorage?.setItem('opvangnet.lang', lng);
});

export default i18next;
