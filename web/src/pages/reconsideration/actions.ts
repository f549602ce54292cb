import type { Meta } from './types';

/** The form of each step the server may offer, and the route it posts to. */
export type FieldKind =
  'date' | 'text' | 'area' | 'select' | 'names' | 'lines' | 'number' | 'bool' | 'hearing';
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  options?: (meta: Meta) => { value: string; label: string }[];
}
export interface ActionSpec {
  path: string;
  method?: 'POST' | 'PATCH';
  fields: FieldSpec[];
  danger?: boolean;
}

const on: FieldSpec = { name: 'on', kind: 'date', required: true };
const organs = (m: Meta) => m.organs.map((o) => ({ value: String(o.id), label: o.name }));

export const actionSpecs: Record<string, ActionSpec> = {
  accept: {
    path: 'accept',
    fields: [
      on,
      {
        name: 'procedure',
        kind: 'select',
        required: true,
        options: () => [
          { value: 'normal', label: '普通程序' },
          { value: 'simple', label: '简易程序' },
        ],
      },
      {
        name: 'simpleGround',
        kind: 'select',
        options: (m) => m.simpleGrounds.map((g) => ({ value: g.code, label: `${g.label}（${g.article}）` })),
      },
      { name: 'officers', kind: 'names' },
      { name: 'major', kind: 'bool' },
    ],
  },
  refuse: {
    path: 'refuse',
    danger: true,
    fields: [on, { name: 'reason', kind: 'area', required: true }, { name: 'properOrgan', kind: 'text' }],
  },
  correctionNotice: {
    path: 'correction-notice',
    fields: [on, { name: 'items', kind: 'lines', required: true }, { name: 'servedOn', kind: 'date' }],
  },
  correctionReceived: { path: 'correction-received', fields: [on] },
  correctionExtend: {
    path: 'correction-extend',
    fields: [
      { name: 'to', kind: 'date', required: true },
      { name: 'reason', kind: 'area', required: true },
    ],
  },
  switchProcedure: {
    path: 'switch-procedure',
    fields: [
      on,
      { name: 'approvedBy', kind: 'text', required: true },
      { name: 'reason', kind: 'area', required: true },
    ],
  },
  copySent: { path: 'copy-sent', fields: [on, { name: 'receivedOn', kind: 'date' }] },
  reply: { path: 'reply', fields: [on] },
  hearing: {
    path: 'hearings',
    fields: [
      { name: 'noticeOn', kind: 'date', required: true },
      { name: 'hearingOn', kind: 'date', required: true },
      { name: 'place', kind: 'text', required: true },
      { name: 'matters', kind: 'area', required: true },
      { name: 'presiding', kind: 'text', required: true },
      { name: 'members', kind: 'names', required: true },
      { name: 'clerk', kind: 'text', required: true },
    ],
  },
  hearingRecord: {
    path: 'hearing-record',
    fields: [
      { name: 'hearingId', kind: 'hearing', required: true },
      { name: 'heldOn', kind: 'date', required: true },
      { name: 'record', kind: 'area', required: true },
    ],
  },
  consultation: { path: 'consultation', fields: [on, { name: 'opinion', kind: 'area', required: true }] },
  suspend: {
    path: 'suspend',
    fields: [
      on,
      {
        name: 'ground',
        kind: 'select',
        required: true,
        options: (m) =>
          m.suspensionGrounds.map((g) => ({ value: g.code, label: `${g.label}（${g.article}）` })),
      },
      { name: 'note', kind: 'area' },
    ],
  },
  resume: { path: 'resume', fields: [on] },
  extend: {
    path: 'extend',
    fields: [
      on,
      { name: 'days', kind: 'number', required: true },
      { name: 'approvedBy', kind: 'text', required: true },
      { name: 'reason', kind: 'area', required: true },
    ],
  },
  decide: {
    path: 'decide',
    fields: [
      on,
      {
        name: 'type',
        kind: 'select',
        required: true,
        options: (m) => m.decisionTypes.map((d) => ({ value: d.code, label: `${d.label}（${d.article}）` })),
      },
      { name: 'findings', kind: 'area', required: true },
      { name: 'reasoning', kind: 'area', required: true },
      { name: 'order', kind: 'area', required: true },
      { name: 'thirdPartyEvidence', kind: 'bool' },
    ],
  },
  mediate: { path: 'mediate', fields: [on, { name: 'agreement', kind: 'area', required: true }] },
  terminate: {
    path: 'terminate',
    danger: true,
    fields: [
      on,
      {
        name: 'ground',
        kind: 'select',
        required: true,
        options: (m) =>
          m.terminationGrounds.map((g) => ({ value: g.code, label: `${g.label}（${g.article}）` })),
      },
      { name: 'note', kind: 'area' },
    ],
  },
  update: {
    path: '',
    method: 'PATCH',
    fields: [
      { name: 'officers', kind: 'names' },
      { name: 'respondentSuperior', kind: 'text' },
      { name: 'major', kind: 'bool' },
      { name: 'lateReason', kind: 'area' },
    ],
  },
  publish: { path: 'publish', fields: [on] },
};

export { organs };
