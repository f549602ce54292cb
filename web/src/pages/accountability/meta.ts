import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { AccountabilityMeta } from '../../api/types';

/** Post types, formats and ratings as the server defines them. */
export function useMeta() {
  return useQuery({
    queryKey: ['accountability-meta'],
    queryFn: () => call(api.GET('/api/accountability/meta')),
    staleTime: Infinity,
  });
}

/** The server's codes in the interface language; its Chinese label is the fallback. */
export function useLabels(meta: AccountabilityMeta | undefined) {
  const { t } = useTranslation();
  const label = (xs: { code: string; label: string }[] | undefined, code: string) =>
    xs?.find((x) => x.code === code)?.label ?? code;
  return {
    postType: (code: string) =>
      t(`accountability.postTypes.${code}`, { defaultValue: label(meta?.postTypes, code) }),
    format: (code: string) =>
      t(`accountability.formats.${code}`, { defaultValue: label(meta?.formats, code) }),
    rating: (code: string) =>
      t(`accountability.ratings.${code}`, { defaultValue: label(meta?.ratings, code) }),
  };
}

export const ratingColor: Record<string, string> = {
  good: 'green',
  fairlyGood: 'blue',
  average: 'orange',
  poor: 'red',
};
