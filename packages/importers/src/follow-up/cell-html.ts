/** A piece of a table cell: a list item (<li>), a paragraph (<p>) or loose text. */
export interface CellPart {
  readonly kind: 'item' | 'paragraph' | 'text';
  /** The text with tags removed and entities decoded, not yet normalised. */
  readonly raw: string;
}

/** A cell cut into its parts, and whether it held an HTML list. */
export interface SplitCell {
  readonly parts: CellPart[];
  readonly hasList: boolean;
}

// Tags the conversion writes into cells; anything else after < is text ("x < y").
const BLOCK_TAGS = new Set(['ul', 'ol', 'div', 'table', 'tr', 'td', 'th', 'hr', 'tbody', 'thead', 'section']);
const INLINE_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'span',
  'font',
  'sup',
  'sub',
  'a',
  'small',
  'big',
  'mark',
]);
const TAG_NAME = /^\s{0,4}(\/?)\s{0,4}([a-zA-Z][a-zA-Z0-9]{0,9})(?=[\s/>]|$)/u;
const MAX_TAG = 2000;

/**
 * Cuts a cell into list items, paragraphs and loose text, in one pass (nested lists are flattened, so deeply
 * nested HTML costs no more than flat text).
 */
export function splitCellHtml(raw: string): SplitCell {
  const parts: CellPart[] = [];
  let kind: CellPart['kind'] = 'text';
  let hasList = false;
  let buffer: string[] = [];
  let position = 0;
  // The next '>' only moves forward, so every character is scanned a bounded number of times.
  let nextClose = raw.indexOf('>');

  const flush = (): void => {
    const text = decodeEntities(buffer.join(''));
    buffer = [];
    if (text.trim() !== '') parts.push({ kind, raw: text });
  };

  while (position < raw.length) {
    const open = raw.indexOf('<', position);
    if (open < 0) {
      buffer.push(raw.slice(position));
      break;
    }
    buffer.push(raw.slice(position, open));
    if (nextClose >= 0 && nextClose < open) nextClose = raw.indexOf('>', open);
    const tag =
      nextClose < 0 || nextClose - open > MAX_TAG
        ? null
        : TAG_NAME.exec(raw.slice(open + 1, Math.min(nextClose, open + 24)));
    const name = tag?.[2]?.toLowerCase() ?? '';
    const isKnown =
      name === 'li' || name === 'p' || name === 'br' || BLOCK_TAGS.has(name) || INLINE_TAGS.has(name);
    if (tag === null || !isKnown) {
      buffer.push('<');
      position = open + 1;
      continue;
    }
    const isClosing = tag[1] === '/';
    position = nextClose + 1;
    if (name === 'li') {
      flush();
      kind = isClosing ? 'text' : 'item';
      if (!isClosing) hasList = true;
    } else if (name === 'p') {
      if (kind === 'item') {
        buffer.push(' ');
      } else {
        flush();
        kind = isClosing ? 'text' : 'paragraph';
      }
    } else if (name === 'br') {
      buffer.push(' ');
    } else if (BLOCK_TAGS.has(name)) {
      flush();
      if (name === 'ul' || name === 'ol') kind = 'text';
    }
    // Inline tags (<b>, <span> …) keep their text and lose the tag.
  }
  flush();
  return { parts, hasList };
}

const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});/gu;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the few HTML entities a converted cell carries; a code point out of range stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    const named = NAMED[body];
    if (named !== undefined) return named;
    const code =
      body.startsWith('#x') || body.startsWith('#X') ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}
