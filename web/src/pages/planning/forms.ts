import { buildTree, type UnitNode } from '../admin/units';
import type { Unit } from '../../api/types';

const tree = (nodes: UnitNode[]): object[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: n.children ? tree(n.children) : undefined }));

/** The units in the user's view as TreeSelect data. */
export const unitTreeData = (units: Unit[] | undefined) => tree(buildTree(units ?? []));
