import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { PlanningKinds } from '../../api/types';

export const P = { read: 'planning.read', manage: 'planning.manage', report: 'planning.report' } as const;

/** The task systems, states and escalation levels, as GET /api/planning/systems describes them. */
export function usePlanningKinds() {
  return useQuery({
    queryKey: ['planning-kinds'],
    queryFn: () => call(api.GET('/api/planning/systems')),
    staleTime: Infinity,
  });
}

/** The colour a state's tag wears (presentation only; the state itself comes from the API). */
export const stateColor: Record<string, string> = {
  notStarted: 'default',
  onTrack: 'processing',
  atRisk: 'warning',
  overdue: 'error',
  done: 'success',
};
export const progressColor: Record<string, string> = {
  submitted: 'processing',
  accepted: 'success',
  returned: 'error',
};

/**
 * Labels of the server's codes in the interface language; the server's Chinese label is the fallback,
 * so a code added on the server shows in Chinese until translated.
 */
export function usePlanningLabels(kinds?: PlanningKinds) {
  const { t } = useTranslation();
  return {
    state: (code: string, label?: string) =>
      t(`taskState.${code}`, {
        defaultValue: label ?? kinds?.states.find((s) => s.code === code)?.label ?? code,
      }),
    system: (code: string, label?: string | null) =>
      t(`taskSystem.${code}`, {
        defaultValue: label ?? kinds?.systems.find((s) => s.code === code)?.label ?? code,
      }),
    escalation: (level: number, label?: string | null) =>
      t(`escalation.${level}`, {
        defaultValue: label ?? kinds?.escalation.find((e) => e.level === level)?.label ?? String(level),
      }),
    progress: (code: string, label: string) => t(`progressStatus.${code}`, { defaultValue: label }),
    role: (code: string) => t(`progressRole.${code}`),
  };
}

export function usePlans(year?: number) {
  return useQuery({
    queryKey: ['planning-plans', year ?? null],
    queryFn: () => call(api.GET('/api/planning/plans', { params: { query: year ? { year } : {} } })),
  });
}
