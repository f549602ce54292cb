import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Unit, UnitKind } from '../../api/types';

// Every kind the API accepts: Record<UnitKind, …> fails to compile if the enum changes.
const kindSet = {
  government: 1,
  lawOffice: 1,
  department: 1,
  township: 1,
  court: 1,
  procuratorate: 1,
  lawFirm: 1,
  mediationCommittee: 1,
  other: 1,
} satisfies Record<UnitKind, 1>;
export const unitKinds = Object.keys(kindSet) as UnitKind[];

export type UnitNode = Unit & { children?: UnitNode[] };

/** Arranges the flat list from GET /api/org/units into a tree by parentId, keeping the server's order. */
export function buildTree(units: Unit[]): UnitNode[] {
  const byId = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const u of byId.values()) {
    const parent = u.parentId === null ? undefined : byId.get(u.parentId);
    if (parent) (parent.children ??= []).push(u);
    else roots.push(u);
  }
  return roots;
}

export function useUnits(includeInactive = false) {
  return useQuery({
    queryKey: ['units', includeInactive],
    queryFn: () =>
      call(
        api.GET('/api/org/units', { params: { query: includeInactive ? { includeInactive: 'true' } : {} } }),
      ),
  });
}

export function useDivisions(enabled = true) {
  return useQuery({
    queryKey: ['divisions'],
    queryFn: () => call(api.GET('/api/org/divisions')),
    staleTime: Infinity,
    enabled,
  });
}
