import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface Pages<T> {
  items: T[];
  error?: unknown;
  loading: boolean;
  /** There is a next page: the last answer carried a cursor. */
  more: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A list read page by page: the first page when a dependency changes, the next ones appended on
 * `loadMore`. An answer that arrives after the filters changed is dropped.
 */
export const usePages = <T>(load: (cursor?: string) => Promise<Page<T>>, dependencies: unknown[]): Pages<T> => {
  const [state, setState] = useState<{ items: T[]; cursor?: string; error?: unknown; loading: boolean }>({ items: [], loading: true });
  const generation = useRef(0);
  const [round, setRound] = useState(0);

  const fetchPage = (cursor: string | undefined, append: boolean) => {
    const current = generation.current;
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    load(cursor).then(
      (page) =>
        current === generation.current &&
        setState((previous) => ({ items: append ? [...previous.items, ...page.items] : page.items, cursor: page.cursor, loading: false })),
      (error: unknown) => current === generation.current && setState((previous) => ({ ...previous, error, loading: false })),
    );
  };

  useEffect(() => {
    generation.current += 1;
    setState({ items: [], loading: true });
    fetchPage(undefined, false);
  }, [...dependencies, round]);

  const loadMore = () => {
    if (state.cursor && !state.loading) fetchPage(state.cursor, true);
  };
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { items: state.items, error: state.error, loading: state.loading, more: state.cursor !== undefined, loadMore, reload };
};
