/** A sheet's number as the documents write it (工程表②): circled up to ⑳, past which Unicode has none, so "(21)". */
export function circledNumber(value: number): string {
  if (Number.isInteger(value) && value >= 1 && value <= 20) return String.fromCodePoint(0x2460 + value - 1);
  return `(${value})`;
}
