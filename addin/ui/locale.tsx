// The Office display language, handed down so every formatted amount and date uses it.
import { createContext, useContext } from 'react';

const LocaleContext = createContext<string>('en-US');

export const LocaleProvider = LocaleContext.Provider;

export function useLocale(): string {
  return useContext(LocaleContext);
}
