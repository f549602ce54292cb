/** Display masks for personal data (rules-research §5.1): ID 540626********1234, phone 139****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** First 6 (the division) and last 4 kept; the birth date in between is hidden. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** A natural person's name as published: the surname and 某 (张三 → 张某, 欧阳小明 → 欧阳某). */
export function maskPersonName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const compound = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙'];
  const surname = compound.find((s) => name.startsWith(s)) ?? [...name][0]!;
  return `${surname}某`;
}
