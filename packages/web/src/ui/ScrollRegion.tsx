import type { ReactNode } from 'react';

/**
 * A labelled box that scrolls sideways when its content is wider than the screen (360 px phones), reachable
 * by keyboard so the hidden part can be scrolled into view (WCAG 2.1.1, 1.4.10).
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`scroll-region ${className ?? ''}`.trim()}>
      {children}
    </div>
  );
}
