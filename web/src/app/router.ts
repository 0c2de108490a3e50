import { useEffect, useState } from 'react';

/** A very small client-side router: the path is the state; links push it. */
export function navigate(path: string) {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
  // Move focus to the new page's main heading for screen reader and keyboard users.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return path;
}

/** `match('/verwijzer/verzoek/:id', path)` gives `{ id }` or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/:([a-z]+)/gi, (_m, name: string) => (names.push(name), '([^/]+)'))}/?$`);
  const found = re.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])]));
}
