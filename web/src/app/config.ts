import { createContext, useContext } from 'react';

export interface ConsoleSettings {
  staleAfterHours: number;
}

export const SettingsContext = createContext<ConsoleSettings>({ staleAfterHours: 24 });

export function useSettings(): ConsoleSettings {
  return useContext(SettingsContext);
}
