/** Tick granularity of the time axis: quarters (wide) or fiscal years (compact). */
export type TimelineZoom = 'quarter' | 'year';

/** Reads `?scale=`; fiscal years unless quarters are asked for. */
export function readZoom(value: string | null): TimelineZoom {
  return value === 'quarter' ? 'quarter' : 'year';
}
