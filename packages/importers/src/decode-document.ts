/** The encodings a document may come in. */
export type DocumentEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

/** A decoded document, or why the bytes were refused. */
export type DecodeResult =
  | { ok: true; text: string; encoding: DocumentEncoding; hasBom: boolean }
  | { ok: false; error: { code: string; message: string } };

// How much of the start is examined for NUL patterns; enough for any real heading.
const SAMPLE = 64 * 1024;

/**
 * Finds a document's encoding and decodes it: UTF-8 with or without BOM, UTF-16 LE/BE (by BOM, or by the NUL
 * bytes ASCII leaves in every other byte), or Shift_JIS/CP932 (the Japanese office default). Anything else —
 * binary files, invalid byte sequences, text full of control characters — is refused with a message saying why.
 * Uses the platform's TextDecoder (Node with full ICU, every browser); reads nothing but the bytes.
 */
export function decodeDocument(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return refuse('empty', 'The file is empty.');
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return finish(decode('utf-8', bytes.subarray(3)), 'utf-8', true, 'UTF-8 (with BOM)');
  }
  if (b0 === 0xff && b1 === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) {
      return refuse(
        'unsupported-encoding',
        'The file is UTF-32 (LE); save it as UTF-8, UTF-16 or Shift_JIS.',
      );
    }
    return finish(decode('utf-16le', bytes.subarray(2)), 'utf-16le', true, 'UTF-16 LE (with BOM)');
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return finish(decode('utf-16be', bytes.subarray(2)), 'utf-16be', true, 'UTF-16 BE (with BOM)');
  }
  if (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return refuse('unsupported-encoding', 'The file is UTF-32 (BE); save it as UTF-8, UTF-16 or Shift_JIS.');
  }

  const nul = countNuls(bytes);
  if (nul.total > 0) {
    const utf16 = guessUtf16(bytes.length, nul);
    if (utf16 === null) {
      return refuse(
        'binary',
        'The file holds NUL bytes in no text pattern: it looks like a binary file, not a document.',
      );
    }
    const label = utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    return finish(decode(utf16, bytes), utf16, false, `${label} (detected from NUL bytes)`);
  }

  const utf8 = decode('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8', false, 'UTF-8');
  const sjis = decode('shift_jis', bytes);
  if (sjis !== null) {
    // Any byte from 0xA1 to 0xDF is a valid half-width katakana, so random bytes can pass as Shift_JIS; real
    // documents hardly use half-width katakana.
    if (halfWidthKatakanaShare(sjis) > 0.3) {
      return refuse(
        'binary',
        'The file decodes as Shift_JIS only into half-width katakana noise: it is not a document.',
      );
    }
    return finish(sjis, 'shift_jis', false, 'Shift_JIS');
  }
  return refuse(
    'unknown-encoding',
    'The file is neither UTF-8, UTF-16 nor Shift_JIS (CP932) text; save it in one of these encodings.',
  );
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function finish(
  text: string | null,
  encoding: DocumentEncoding,
  hasBom: boolean,
  name: string,
): DecodeResult {
  if (text === null)
    return refuse('invalid-bytes', `The file starts as ${name} but holds invalid byte sequences.`);
  if (isMostlyControl(text)) {
    return refuse(
      'binary',
      `The file decodes as ${name} but is full of control characters: it is not a document.`,
    );
  }
  return { ok: true, text, encoding, hasBom };
}

function refuse(code: string, message: string): DecodeResult {
  return { ok: false, error: { code, message } };
}

interface NulCount {
  readonly total: number;
  readonly even: number;
  readonly odd: number;
  readonly sampled: number;
}

function countNuls(bytes: Uint8Array): NulCount {
  const sampled = Math.min(bytes.length, SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sampled; i += 1) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even += 1;
      else odd += 1;
    }
  }
  let total = even + odd;
  if (total === 0 && bytes.length > sampled) total = bytes.indexOf(0, sampled) >= 0 ? 1 : 0;
  return { total, even, odd, sampled };
}

// UTF-16 text has its NULs on one side: ASCII 'A' is 41 00 in LE and 00 41 in BE.
function guessUtf16(length: number, nul: NulCount): 'utf-16le' | 'utf-16be' | null {
  if (length % 2 !== 0) return null;
  const share = (nul.even + nul.odd) / Math.max(1, nul.sampled / 2);
  if (nul.odd >= 4 * nul.even && nul.odd > 0 && share > 0.02) return 'utf-16le';
  if (nul.even >= 4 * nul.odd && nul.even > 0 && share > 0.02) return 'utf-16be';
  return null;
}

function isMostlyControl(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    // TAB, LF, VT, FF and CR are text; other C0 controls and DEL are not, nor U+FFFD that a decoder left.
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f || code === 0x00) control += 1;
  }
  return control > Math.max(8, sample.length * 0.01);
}

function halfWidthKatakanaShare(text: string): number {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let count = 0;
  let letters = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code > 0x20) letters += 1;
    if (code >= 0xff61 && code <= 0xff9f) count += 1;
  }
  return letters === 0 ? 0 : count / letters;
}
