import { useFormat } from '../../app/format';

/**
 * A figure's value as an official writes it: 40项, 1,234人次, a ratio as 92.5%, a score as 86.3分;
 * no value is a dash.
 */
export function useFigureText() {
  const fmt = useFormat();
  return (value: number | null | undefined, unit: string): string => {
    if (value === null || value === undefined) return '—';
    if (unit === '比例') return `${fmt.number(Math.round(value * 1000) / 10)}%`;
    return `${fmt.number(Math.round(value * 10) / 10)}${unit}`;
  };
}

/** A heat-map cell's background: white at zero, the dashboard's red at the column's largest value. */
export function heat(value: number | null, max: number): string | undefined {
  if (!value || max <= 0) return undefined;
  const a = Math.min(1, value / max);
  return `rgba(207, 19, 34, ${(0.08 + a * 0.5).toFixed(3)})`;
}
