import { useCan } from '../../app/session';
import { useDivisions } from '../admin/units';

/**
 * Division choices for the calendar pages. The list needs org.unit.read; a user without it (a mediator)
 * still gets their own division, so the default keeps working.
 */
export function useDivisionOptions(own?: string) {
  const canList = useCan()('org.unit.read');
  const divisions = useDivisions(canList);
  const options = (divisions.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));
  if (own && !options.some((o) => o.value === own)) options.unshift({ value: own, label: own });
  return options;
}
