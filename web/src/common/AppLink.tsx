import { Link } from '@utrecht/component-library-react';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../app/router';

/** A real link (works with a middle click, keyboard and screen readers) that routes in the app. */
export function AppLink({ to, children, current }: { to: string; children: ReactNode; current?: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Link href={to} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
