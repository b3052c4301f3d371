import { useEffect, useState } from 'preact/hooks';

/**
 * Routes live in the hash (`#/orders/ORD-1`): the console is static files, so a reload or a
 * shared link works from any bucket or server without rewrite rules.
 */
export interface Route {
  /** Path segments, decoded: `#/orders/ORD-1` → ['orders', 'ORD-1']. */
  segments: string[];
  query: URLSearchParams;
}

const current = (): Route => {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
};

/** A hash link from path segments and an optional query: `href('orders', ref)`. */
export const href = (...parts: (string | Record<string, string | undefined>)[]): string => {
  const segments = parts.filter((part): part is string => typeof part === 'string').map(encodeURIComponent);
  const query = parts.find((part): part is Record<string, string | undefined> => typeof part === 'object');
  const search = query
    ? new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')).toString()
    : '';
  return `#/${segments.join('/')}${search ? `?${search}` : ''}`;
};

export const navigate = (target: string) => {
  location.hash = target.replace(/^#/, '');
};
