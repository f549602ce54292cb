import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import type { Outline } from './types';

export const reportKey = (id: string) => ['reports', 'one', id] as const;

export function useReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => call(api.GET('/api/reports/{id}', { params: { path: { id } } })),
  });
}

export function useWorkflow(id: string) {
  return useQuery({
    queryKey: [...reportKey(id), 'workflow'],
    queryFn: () => call(api.GET('/api/reports/{id}/workflow', { params: { path: { id } } })),
  });
}

/** A value that follows `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/**
 * The rendered text and its checks: for an editor, of the unsaved outline (debounced); for a reader,
 * of the saved one.
 */
export function usePreview(id: string, outline: Outline | undefined, live: boolean) {
  const settled = useDebounced(outline, 600);
  return useQuery({
    queryKey: [...reportKey(id), 'preview', live ? settled : 'saved'],
    queryFn: () =>
      live && settled
        ? call(
            api.POST('/api/reports/{id}/preview', { params: { path: { id } }, body: { outline: settled } }),
          )
        : call(api.GET('/api/reports/{id}/preview', { params: { path: { id } } })),
    enabled: !live || !!settled,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

/** Figures the report can cite, with their values for its division and year. */
export function useFigures(divisionCode: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['figures', { division: divisionCode, year }],
    queryFn: () =>
      call(
        api.GET('/api/figures', {
          params: { query: { division: divisionCode, from: `${year}-01-01`, to: `${year}-12-31` } },
        }),
      ),
    enabled,
    staleTime: 60_000,
  });
}

export const docxUrl = (id: string, seq?: number) => `/api/reports/${id}/docx${seq ? `?seq=${seq}` : ''}`;
export const htmlUrl = (id: string, seq?: number) => `/api/reports/${id}/html${seq ? `?seq=${seq}` : ''}`;
