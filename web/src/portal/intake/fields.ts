import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** One field of a portal form; names are the kind's payload fields (server: each module's zod schema). */
export interface FieldDef {
  name: string;
  type: 'text' | 'textarea' | 'date' | 'select' | 'number' | 'phone' | 'mobile' | 'idNumber';
  required?: boolean;
  min?: number;
  max?: number;
  /**
   * a select's values: the kind's `choices` for this name, else the townships ('township') or the
   * people's governments ('government', sent as the unit's number)
   */
  options?: 'township' | 'government' | string;
  /** i18n key under intake.help */
  help?: string;
  span?: 12 | 24;
}

const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const MOBILE = /^1\d{10}$/;
const ID_NUMBER = /^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{18})$/;

/** Client-side checks mirroring the server's, so most mistakes are named before anything is sent. */
export function rulesFor(f: FieldDef, t: TFunction): Rule[] {
  const label = t(`intake.field.${f.name}`);
  const rules: Rule[] = [];
  if (f.required)
    rules.push({
      required: true,
      // the rule's type is checked too (a string by default): a date is a dayjs object, an organ a number
      type:
        f.type === 'date'
          ? 'object'
          : f.type === 'number' || f.options === 'government'
            ? 'number'
            : 'string',
      whitespace: f.type !== 'select' && f.type !== 'date' && f.type !== 'number',
      message: t('intake.rule.required', { label }),
    });
  if (f.type === 'phone') rules.push({ pattern: PHONE, message: t('intake.rule.phone') });
  if (f.type === 'mobile') rules.push({ pattern: MOBILE, message: t('intake.rule.mobile') });
  if (f.type === 'idNumber') rules.push({ pattern: ID_NUMBER, message: t('intake.rule.idNumber') });
  if (f.min && f.type !== 'number')
    rules.push({ min: f.min, message: t('intake.rule.min', { label, min: f.min }) });
  if (f.max && f.type !== 'number')
    rules.push({ max: f.max, message: t('intake.rule.max', { label, max: f.max }) });
  return rules;
}

/** 行政复议申请书的要素（行政复议法第二十二条；实施条例第十九条）. */
export const reconsiderationFields: FieldDef[] = [
  { name: 'organUnitId', type: 'select', options: 'government', required: true, help: 'organ' },
  { name: 'applicantName', type: 'text', required: true, min: 2, max: 80, span: 12 },
  { name: 'applicantIdNumber', type: 'idNumber', required: true, span: 12 },
  { name: 'applicantPhone', type: 'mobile', required: true, span: 12, help: 'phoneFactor' },
  { name: 'applicantAddress', type: 'text', required: true, max: 200, span: 12 },
  { name: 'respondentName', type: 'text', required: true, min: 2, max: 80, span: 12, help: 'respondent' },
  { name: 'actNumber', type: 'text', max: 80, span: 12 },
  { name: 'actDescription', type: 'textarea', required: true, min: 4, max: 500 },
  { name: 'actDate', type: 'date', span: 12 },
  { name: 'learnedOn', type: 'date', required: true, span: 12, help: 'learnedOn' },
  // 行政复议法第二十条第三款: never told of the right to apply, the period runs from learning of it
  { name: 'rightsLearnedOn', type: 'date', span: 12, help: 'rightsLearnedOn' },
  { name: 'request', type: 'textarea', required: true, min: 4, max: 2000 },
  { name: 'factsAndReasons', type: 'textarea', required: true, min: 4, max: 20000 },
  { name: 'lateReason', type: 'textarea', max: 1000, help: 'lateReason' },
];

export const mediationFields: FieldDef[] = [
  { name: 'applicantName', type: 'text', required: true, min: 2, max: 40, span: 12 },
  { name: 'phone', type: 'phone', required: true, span: 12, help: 'phoneFactor' },
  { name: 'idNumber', type: 'idNumber', span: 12 },
  { name: 'divisionCode', type: 'select', options: 'township', required: true, span: 12 },
  { name: 'otherParty', type: 'text', required: true, min: 2, max: 80, span: 12 },
  { name: 'disputeTypeCode', type: 'select', options: 'disputeTypeCode', required: true, span: 12 },
  { name: 'description', type: 'textarea', required: true, min: 10, max: 4000 },
  { name: 'amount', type: 'number', span: 12 },
];

export const questionFields: FieldDef[] = [
  { name: 'name', type: 'text', max: 40, span: 12 },
  { name: 'phone', type: 'phone', required: true, span: 12, help: 'phoneFactor' },
  { name: 'divisionCode', type: 'select', options: 'township', span: 12 },
  { name: 'question', type: 'textarea', required: true, min: 4, max: 4000 },
];
