import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Resp } from '../../api/types';

export type Board = Resp<'/api/dashboard/figures'>;
export type UnitBoard = Resp<'/api/dashboard/figures/units'>;
export type MonthlyBoard = Resp<'/api/dashboard/figures/monthly'>;

export interface BoardWhere {
  year: number;
  division?: string;
}

// The server caches computed values briefly and drops them on any write; the page keeps a view for a minute.
const staleTime = 60_000;

export const useBoard = (w: BoardWhere) =>
  useQuery({
    queryKey: ['dashboard', 'figures', w],
    queryFn: () => call(api.GET('/api/dashboard/figures', { params: { query: w } })),
    placeholderData: (prev) => prev,
    staleTime,
  });

export const useUnitBoard = (w: BoardWhere, module: string | undefined) =>
  useQuery({
    queryKey: ['dashboard', 'units', w, module],
    queryFn: () =>
      call(api.GET('/api/dashboard/figures/units', { params: { query: { ...w, module: module! } } })),
    enabled: !!module,
    staleTime,
  });

export const useMonthlyBoard = (w: BoardWhere, module: string | undefined) =>
  useQuery({
    queryKey: ['dashboard', 'monthly', w, module],
    queryFn: () =>
      call(api.GET('/api/dashboard/figures/monthly', { params: { query: { ...w, module: module! } } })),
    enabled: !!module,
    staleTime,
  });

/** The Excel export of the current view, as a plain link: the browser sends the session cookie. */
export function exportHref(w: BoardWhere, module?: string) {
  const q = new URLSearchParams({ year: String(w.year) });
  if (w.division) q.set('division', w.division);
  if (module) q.set('module', module);
  return `/api/dashboard/export?${q}`;
}
