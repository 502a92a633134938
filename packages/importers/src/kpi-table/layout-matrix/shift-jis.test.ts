import { describe, expect, it } from 'vitest';
import { encodeShiftJis } from './shift-jis.js';

describe('encodeShiftJis', () => {
  it('writes bytes the Shift_JIS decoder reads back, ASCII and half-width katakana as single bytes', () => {
    const text = '指標,基準値（％）,◎,ｶﾅ,R2年度,①';
    const bytes = encodeShiftJis(text);
    expect(new TextDecoder('shift_jis').decode(bytes)).toBe(text);
    expect(Array.from(encodeShiftJis('Aｱ'))).toEqual([0x41, 0xb1]);
  });
});
