import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

/** A screen's frame: its heading is what the tab's title and screen readers announce. */
export const Page = ({ title, actions, children }: { title: string; actions?: ComponentChildren; children: ComponentChildren }) => {
  useEffect(() => {
    document.title = `${title} · Ordo Console`;
  }, [title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-header">
        <h1 id="page-title" tabIndex={-1}>{title}</h1>
        {actions && <div class="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
};

/**
 * A table that scrolls sideways on a narrow screen instead of squeezing its columns. The frame is
 * focusable so a keyboard can scroll it, and named apart from the page (whose heading is often the
 * caption too): two landmarks of one name are indistinguishable in a screen reader's list.
 */
export const Table = ({ caption, children }: { caption: string; children: ComponentChildren }) => (
  <div class="table-wrap" role="region" aria-label={`${caption} table`} tabIndex={0}>
    <table>
      <caption class="visually-hidden">{caption}</caption>
      {children}
    </table>
  </div>
);
