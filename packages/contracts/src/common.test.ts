import { describe, expect, it } from 'vitest';
import { InputDate, Text } from './common.js';

const messagesOf = (result: { error?: { issues: { message: string }[] } }): string[] =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('Text', () => {
  const line = Text({ max: 20 });
  const multiline = Text({ max: 50, isMultiline: true });

  it('takes Japanese text, emoji (surrogate pairs) and trims full-width spaces', () => {
    expect(line.parse('\u3000臨床試験 👍 ')).toBe('臨床試験 👍');
    expect(line.parse('𠮷野家')).toBe('𠮷野家');
  });

  it('refuses NUL, escape and DEL anywhere, saying why', () => {
    for (const value of ['a\u0000b', '\u001B[31m', 'x\u007F']) {
      expect(messagesOf(line.safeParse(value))).toEqual([expect.stringContaining('control characters')]);
    }
  });

  it('refuses line breaks and tabs in one-line text, and takes them where text spans lines', () => {
    expect(line.safeParse('一行目\n二行目').success).toBe(false);
    expect(line.safeParse('a\tb').success).toBe(false);
    expect(multiline.parse('一行目\r\n\t二行目')).toBe('一行目\r\n\t二行目');
    expect(multiline.safeParse('一行目\u0000').success).toBe(false);
  });

  it('refuses a lone surrogate of either half', () => {
    for (const value of ['\uD800', 'a\uDC00b', '\uDBFF']) {
      expect(messagesOf(line.safeParse(value))).toEqual([expect.stringContaining('surrogate')]);
    }
  });

  it('refuses empty, blank and zero-width-only text where a value is required, with one message', () => {
    expect(messagesOf(line.safeParse(''))).toHaveLength(1);
    for (const value of ['\u200B\u200B', ' \u3000 ', '\u2060\uFEFF', '\u00AD']) {
      expect(line.safeParse(value).success).toBe(false);
    }
    expect(Text({ max: 5, mayBeBlank: true }).parse(' ')).toBe('');
  });

  it('keeps spaces as sent where asked (passwords), still refusing NUL', () => {
    const secret = Text({ max: 20, keepsSpaces: true, mayBeBlank: true });
    expect(secret.parse(' pass word ')).toBe(' pass word ');
    expect(secret.safeParse('pass\u0000').success).toBe(false);
  });

  it('counts the limit after trimming', () => {
    expect(Text({ max: 3 }).parse('  abc  ')).toBe('abc');
    expect(Text({ max: 3 }).safeParse('abcd').success).toBe(false);
  });
});

describe('InputDate', () => {
  it('takes dates from 1900-01-01 to 2200-12-31 and refuses the rest', () => {
    for (const date of ['1900-01-01', '2025-06-30', '2200-12-31']) expect(InputDate.parse(date)).toBe(date);
    for (const date of ['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31', '2025-02-30']) {
      expect(InputDate.safeParse(date).success).toBe(false);
    }
    expect(messagesOf(InputDate.safeParse('\u0000'))).toHaveLength(1);
  });
});
