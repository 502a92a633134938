import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument, parseFollowUp } from './index.js';

const SEED_URL = new URL('../../server/sample/drug-discovery-2024.follow-up.md', import.meta.url);
const seedBytes = (): Uint8Array => new Uint8Array(readFileSync(SEED_URL));
const seedText = (): string => new TextDecoder('utf-8').decode(seedBytes());

function utf16(text: string, littleEndian: boolean, withBom: boolean): Uint8Array {
  const units = `${withBom ? '\uFEFF' : ''}${text}`;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    const unit = units.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

// No Shift_JIS encoder ships with Node: build one by decoding every one- and two-byte code once (first code wins).
let sjisTable: Map<string, number[]> | null = null;
function shiftJis(text: string): Uint8Array {
  if (sjisTable === null) {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('shift_jis', { fatal: true });
    for (let byte = 0; byte < 0x80; byte += 1) table.set(String.fromCharCode(byte), [byte]);
    for (let byte = 0xa1; byte <= 0xdf; byte += 1) table.set(decoder.decode(new Uint8Array([byte])), [byte]);
    for (let lead = 0x81; lead <= 0xfc; lead += 1) {
      if (lead >= 0xa0 && lead <= 0xdf) continue;
      for (let trail = 0x40; trail <= 0xfc; trail += 1) {
        if (trail === 0x7f) continue;
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]));
          if (!table.has(char)) table.set(char, [lead, trail]);
        } catch {
          // Not a character in CP932.
        }
      }
    }
    sjisTable = table;
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = sjisTable.get(char);
    if (code === undefined)
      throw new Error(`No Shift_JIS code for U+${char.codePointAt(0)?.toString(16) ?? ''}`);
    bytes.push(...code);
  }
  return new Uint8Array(bytes);
}

describe('decodeDocument', () => {
  it('decodes UTF-8 with and without a BOM', () => {
    const text = '# 工程表①\n令和6年7月';
    const plain = new TextEncoder().encode(text);
    expect(decodeDocument(plain)).toEqual({ ok: true, text, encoding: 'utf-8', hasBom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeDocument(withBom)).toEqual({ ok: true, text, encoding: 'utf-8', hasBom: true });
  });

  it('decodes UTF-16 LE and BE, by BOM or by the NUL bytes ASCII leaves', () => {
    const text = '# 各施策のスケジュール・工程表②\n\t2024 年夏\t2024 年末\n';
    for (const littleEndian of [true, false]) {
      for (const withBom of [true, false]) {
        const result = decodeDocument(utf16(text, littleEndian, withBom));
        expect(result).toEqual({
          ok: true,
          text,
          encoding: littleEndian ? 'utf-16le' : 'utf-16be',
          hasBom: withBom,
        });
      }
    }
  });

  it('decodes Shift_JIS (CP932)', () => {
    const text = '進捗状況※【厚】 令和7年度当初予算9.3億円 ①～⑫';
    expect(decodeDocument(shiftJis(text))).toEqual({ ok: true, text, encoding: 'shift_jis', hasBom: false });
  });

  it('refuses empty files, binary files, UTF-32 and bytes valid in no supported encoding', () => {
    const refused = (bytes: number[]): string => {
      const result = decodeDocument(new Uint8Array(bytes));
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error.message.length).toBeGreaterThan(10);
      return result.error.code;
    };
    expect(refused([])).toBe('empty');
    expect(
      refused([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]),
    ).toBe('binary');
    expect(refused([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])).toBe('unsupported-encoding');
    expect(refused([0x82, 0xa0, 0xfd, 0xfe, 0xff])).toBe('unknown-encoding');
    expect(refused([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e, 0x0f, 0x10, 0x11, 0x12])).toBe(
      'binary',
    );
  });

  it('decodes the seed re-encoded as Shift_JIS, UTF-16 LE and UTF-16 BE to the same text and the same plan', () => {
    const text = seedText();
    const expected = parseFollowUp(text, { slug: 'drug-discovery-2024' });
    const encodings: [string, Uint8Array][] = [
      ['utf-8', seedBytes()],
      ['shift_jis', shiftJis(text)],
      ['utf-16le', utf16(text, true, true)],
      ['utf-16le', utf16(text, true, false)],
      ['utf-16be', utf16(text, false, true)],
      ['utf-16be', utf16(text, false, false)],
    ];
    for (const [encoding, bytes] of encodings) {
      const decoded = decodeDocument(bytes);
      if (!decoded.ok) throw new Error(`${encoding}: ${decoded.error.message}`);
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toBe(text);
      expect(parseFollowUp(decoded.text, { slug: 'drug-discovery-2024' })).toEqual(expected);
    }
  });
});
