/**
 * A Shift_JIS (CP932) encoder built from the platform's decoder, so the matrix can write the bytes an office's
 * Excel saves without a dependency: every single byte and lead/trail pair is decoded once and inverted.
 */
let table: Map<string, number[]> | null = null;

function buildTable(): Map<string, number[]> {
  const decoder = new TextDecoder('shift_jis', { fatal: false });
  const map = new Map<string, number[]>();
  for (let byte = 0; byte < 0x80; byte += 1) map.set(String.fromCharCode(byte), [byte]);
  for (let byte = 0xa1; byte <= 0xdf; byte += 1) map.set(decoder.decode(new Uint8Array([byte])), [byte]);
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
  for (const lead of leads)
    for (const trail of range(0x40, 0xfc)) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, [lead, trail]);
    }
  return map;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Encodes text as Shift_JIS (CP932); a character it has no code for becomes 「?」. */
export function encodeShiftJis(text: string): Uint8Array {
  table ??= buildTable();
  const bytes: number[] = [];
  for (const char of text) bytes.push(...(table.get(char) ?? [0x3f]));
  return Uint8Array.from(bytes);
}
