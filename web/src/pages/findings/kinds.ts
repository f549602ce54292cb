import { useTranslation } from 'react-i18next';
import type { FindingSeverity, FindingState } from '../../api/types';

export const P = { read: 'findings.read', manage: 'findings.manage', rectify: 'findings.rectify' } as const;

// Every value the API accepts: Record<…> fails to compile if its enum changes.
const stateSet = { open: 1, rectifying: 1, submitted: 1, closed: 1 } satisfies Record<FindingState, 1>;
const severitySet = { minor: 1, normal: 1, serious: 1 } satisfies Record<FindingSeverity, 1>;
export const findingStates = Object.keys(stateSet) as FindingState[];
export const severities = Object.keys(severitySet) as FindingSeverity[];
/** Where findings come from: manual entry, 督察 feedback, assessment deductions. */
export const sourceModules = ['findings', 'inspections', 'assessment'];

export const findingStateColor: Record<FindingState, string> = {
  open: 'default',
  rectifying: 'processing',
  submitted: 'warning',
  closed: 'success',
};
export const severityColor: Record<FindingSeverity, string> = {
  minor: 'default',
  normal: 'blue',
  serious: 'red',
};

/** Labels in the interface language; the server's Chinese label is the fallback. */
export function useFindingLabels() {
  const { t } = useTranslation();
  return {
    state: (code: string, label?: string) => t(`findingState.${code}`, { defaultValue: label ?? code }),
    severity: (code: string, label?: string) => t(`severity.${code}`, { defaultValue: label ?? code }),
    event: (code: string, label: string) => t(`findingEvent.${code}`, { defaultValue: label }),
    source: (module: string) => t(`findingSource.${module}`, { defaultValue: module }),
  };
}
