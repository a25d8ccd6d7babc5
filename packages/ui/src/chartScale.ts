/**
 * Round tick values covering `[min, max]` (about `count` of them, steps of 1, 2, 2.5 or 5 × 10ⁿ),
 * always including 0 so bars grow from a true baseline.
 * @example
 * niceTicks(0, 87); // [0, 20, 40, 60, 80, 100]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  if (high === low) return [0, 1];
  const rough = (high - low) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let value = start; value <= end + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** Path of a pie slice from `start` to `end` angles (radians, 0 at the top, clockwise). */
export function arcPath(cx: number, cy: number, radius: number, start: number, end: number): string {
  if (end - start >= Math.PI * 2 - 1e-9) {
    // A full circle cannot be one arc: draw two halves.
    return `M ${cx} ${cy - radius} A ${radius} ${radius} 0 1 1 ${cx} ${cy + radius} A ${radius} ${radius} 0 1 1 ${cx} ${cy - radius} Z`;
  }
  const point = (angle: number) => [cx + radius * Math.sin(angle), cy - radius * Math.cos(angle)].map((n) => n.toFixed(2));
  const [x1, y1] = point(start);
  const [x2, y2] = point(end);
  const large = end - start > Math.PI ? 1 : 0;
  return `M ${cx} ${cy} L ${x1} ${y1} A ${radius} ${radius} 0 ${large} 1 ${x2} ${y2} Z`;
}
