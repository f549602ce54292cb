import { useSearchParams } from 'react-router';

/**
 * A page's filters and place live in the address, so a list can be bookmarked, sent, or linked from
 * the dashboard. `set` changes the named keys (an empty value removes one); with `pagedList`, any
 * change other than the page itself goes back to page 1.
 */
export function useUrlState<K extends string>(opts: { pagedList?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const set = (next: Partial<Record<K, string>>) => {
    const v = new URLSearchParams(params);
    for (const [k, x] of Object.entries(next) as [string, string | undefined][])
      if (x) v.set(k, x);
      else v.delete(k);
    if (opts.pagedList && !('page' in next)) v.delete('page');
    setParams(v, { replace: true });
  };
  return { params, set };
}
