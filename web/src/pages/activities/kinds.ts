import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { ActivityInput, ActivityKindDef, ActivityKinds } from '../../api/types';

/** The metrics a kind may record: the form fields GET /api/activities/kinds speaks of. */
export type Metric = Extract<
  keyof ActivityInput,
  'participants' | 'sessions' | 'quantity' | 'attendance' | 'materials'
>;
export const metrics: Metric[] = ['participants', 'sessions', 'quantity', 'attendance', 'materials'];

/** Whether `kind` requires, allows or does not record `m` — as the server says, never decided here. */
export const need = (kind: ActivityKindDef | undefined, m: Metric) => kind?.metrics[m];

/** The kinds, their metrics, the material kinds and languages: the one description the form follows. */
export function useKinds() {
  return useQuery({
    queryKey: ['activity-kinds'],
    queryFn: () => call(api.GET('/api/activities/kinds')),
    staleTime: Infinity,
  });
}

/**
 * Labels of the server's codes in the interface language: the catalogues translate them, the server's
 * Chinese label is the fallback (a kind added on the server shows in Chinese until translated).
 */
export function useLabels(kinds: ActivityKinds | undefined) {
  const { t } = useTranslation();
  const find = <T extends { code: string; label: string }>(xs: T[] | undefined, code: string) =>
    xs?.find((x) => x.code === code);
  return {
    kind: (code: string) =>
      t(`activityKind.${code}`, { defaultValue: find(kinds?.kinds, code)?.label ?? code }),
    category: (code: string) =>
      t(`activityCategory.${code}`, { defaultValue: find(kinds?.categories, code)?.label ?? code }),
    material: (code: string) =>
      t(`materialKind.${code}`, { defaultValue: find(kinds?.materials, code)?.label ?? code }),
    language: (code: string) =>
      t(`activityLanguage.${code}`, { defaultValue: find(kinds?.languages, code)?.label ?? code }),
  };
}

/** Kind options grouped by programme (学法, 培训, 普法宣传), in the server's order. */
export function kindOptions(kinds: ActivityKinds | undefined, labels: ReturnType<typeof useLabels>) {
  return (kinds?.categories ?? []).map((c) => ({
    label: labels.category(c.code),
    title: c.label,
    options: (kinds?.kinds ?? [])
      .filter((k) => k.category === c.code)
      .map((k) => ({ value: k.code, label: labels.kind(k.code) })),
  }));
}
