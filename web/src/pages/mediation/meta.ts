import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** Labels, units and the reader's abilities, from the server (no rule is kept in the page). */
export function useMeta() {
  return useQuery({
    queryKey: ['mediation', 'meta'],
    queryFn: () => call(api.GET('/api/mediation/meta')),
    staleTime: 60_000,
  });
}

export const yuan = (v: number) =>
  new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(v);
