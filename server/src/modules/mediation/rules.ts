import { period } from '../../platform/calendar/periods.js';
import {
  exclusions,
  fileParts,
  filePartCodes,
  type Exclusion,
  type FilePart,
  type Grade,
  type Level,
  type MediationKind,
  type Performance,
  type Status,
} from './kinds.js';
import type { SubsidyRates } from './schema.js';

/**
 * 司法确认 application window: both parties jointly, within 30 days of the agreement taking effect
 * (民事诉讼法第二百零五条; 人民调解法第三十三条第一款 says the same). Calendar days, the effective day
 * not counted, a last day on a rest day moved to the next working day (民事诉讼法第八十五条).
 */
export const confirmationWindow = period({
  length: 30,
  unit: 'day',
  law: '民事诉讼法',
  article: '第二百零五条（人民调解法第三十三条第一款）',
});

/** 人民调解法第八条第二款、第三款: 3–9 members, a woman, and in a multi-ethnic area a member of a smaller group. */
export function committeeWarnings(c: {
  members: { gender: string; ethnicity: string }[];
  multiEthnic: boolean;
  majorityEthnicity: string;
}): string[] {
  const w: string[] = [];
  const n = c.members.length;
  if (n < 3 || n > 9) w.push(`委员${n}人，人民调解委员会应由委员三至九人组成（人民调解法第八条第二款）`);
  if (!c.members.some((m) => m.gender === 'female'))
    w.push('没有妇女成员，人民调解委员会应当有妇女成员（人民调解法第八条第三款）');
  if (c.multiEthnic && !c.members.some((m) => m.ethnicity !== c.majorityEthnicity))
    w.push(
      `没有${c.majorityEthnicity}以外的成员，多民族居住的地区应当有人数较少民族的成员（人民调解法第八条第三款）`,
    );
  return w;
}

/** Why a file earns nothing; null when it earns its grade's amount. Checked in the order a reviewer would. */
export function exclusionOf(c: {
  mediationKind: MediationKind;
  status: Status;
  performance: Performance | null;
  parts: readonly FilePart[];
}): Exclusion | null {
  if (c.mediationKind !== 'people') return 'notPeople';
  if (c.status !== 'agreed') return 'notAgreed';
  if (c.performance !== 'performed') return 'notPerformed';
  if (missingRequired(c.parts).length) return 'incomplete';
  return null;
}

export const missingRequired = (parts: readonly FilePart[]) =>
  filePartCodes.filter((p) => fileParts[p].required && !parts.includes(p)).map((p) => fileParts[p].label);

/** 以案定补: the round's amount for the committee's level and the file's grade, or 0 when excluded. */
export const subsidyFen = (rates: SubsidyRates, level: Level, grade: Grade, exclusion: Exclusion | null) =>
  exclusion ? 0 : rates[level][grade];

export const exclusionLabel = (e: Exclusion | null) => (e ? exclusions[e] : null);

/**
 * 接待事项化解率 — the one definition (DESIGN: the centre's figures):
 *   received = visit registrations not turned into a case + counter legal consultations + dispute
 *              cases received at the centre;
 *   resolved = registrations closed as resolved on the spot + consultations answered + cases that
 *              ended in an agreement.
 * Online questions are 答疑, not 接待 (no one was received), so they are counted apart.
 */
export function resolutionRate(received: number, resolved: number): number | null {
  return received === 0 ? null : resolved / received;
}
