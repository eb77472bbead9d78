/**
 * A small streaming tokenizer for the SpreadsheetML subset the reader needs, and text decoding.
 * Self-contained functions (they run in the worker from their source text; see lib.ts).
 */

/** What a part reader does with the tags and text the tokenizer finds. */
export interface XmlHandler {
  /**
   * While true, the text between tags goes to `text` as `s.slice(from, to)` (raw: entities still
   * encoded), in one or more pieces.
   */
  capture: boolean;
  /** `s.slice(from, to)` is the tag's attribute text; a self-closing tag is followed by `close`. */
  open(name: string, s: string, from: number, to: number): void;
  close(name: string): void;
  text(s: string, from: number, to: number): void;
}

export interface XmlTokenizer {
  feed(chunk: string): void;
  end(): void;
}

/**
 * Tags by local name (a namespace prefix such as `x:` is dropped). Text outside capture is never
 * kept, so a part made of megabytes of whitespace costs nothing; only an unfinished tag is carried
 * over to the next chunk.
 */
export function xmlTokenizer(handler: XmlHandler): XmlTokenizer {
  let carry = '';
  const localName = (s: string, from: number, to: number): string => {
    let start = from;
    for (let i = from; i < to; i++) if (s.charCodeAt(i) === 58) start = i + 1;
    return s.slice(start, to);
  };
  const feed = (chunk: string): void => {
    const s = carry === '' ? chunk : carry + chunk;
    carry = '';
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (handler.capture) handler.text(s, pos, n);
        pos = n;
        break;
      }
      if (lt > pos && handler.capture) handler.text(s, pos, lt);
      pos = lt;
      const first = s.charCodeAt(lt + 1);
      if (first === 33) {
        // <!-- comment -->, <![CDATA[ text ]]> or a declaration.
        if (s.startsWith('<![CDATA[', lt)) {
          const close = s.indexOf(']]>', lt + 9);
          if (close < 0) break;
          if (handler.capture) {
            const text = s
              .slice(lt + 9, close)
              .replace(/&/g, '&amp;')
              .replace(/</g, '&lt;');
            handler.text(text, 0, text.length);
          }
          pos = close + 3;
        } else if (s.startsWith('<!--', lt)) {
          const close = s.indexOf('-->', lt + 4);
          if (close < 0) break;
          pos = close + 3;
        } else {
          const close = s.indexOf('>', lt);
          if (close < 0) break;
          pos = close + 1;
        }
        continue;
      }
      const gt = s.indexOf('>', lt + 1);
      if (gt < 0) break;
      pos = gt + 1;
      if (first === 63) continue; // <?xml ... ?>
      if (first === 47) {
        let to = gt;
        while (to > lt + 2 && s.charCodeAt(to - 1) <= 32) to--;
        handler.close(localName(s, lt + 2, to));
        continue;
      }
      let nameEnd = lt + 1;
      while (nameEnd < gt) {
        const c = s.charCodeAt(nameEnd);
        if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
        nameEnd++;
      }
      const name = localName(s, lt + 1, nameEnd);
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      handler.open(name, s, nameEnd, selfClosing ? gt - 1 : gt);
      if (selfClosing) handler.close(name);
    }
    if (pos < n) {
      carry = s.slice(pos);
      // No tag is this long: a part that never closes one is damaged, not worth holding.
      if (carry.length > 1 << 20) throw new Error('fileBroken');
    }
  };
  return {
    feed,
    end: () => {
      if (carry !== '') feed('');
    },
  };
}

/**
 * XML entities and character references, and SpreadsheetML's `_xHHHH_` escapes, decoded; line ends
 * as Excel's own reader shows them (CRLF → LF), as the previous reader gave them.
 */
export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.indexOf('&') >= 0) {
    text = text.replace(/&(?:(quot|apos|gt|lt|amp)|#x([\da-fA-F]+)|#(\d+));/gi, (whole, named, hex, dec) => {
      if (typeof named === 'string') {
        return { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' }[named.toLowerCase()] ?? whole;
      }
      const code = typeof hex === 'string' ? parseInt(hex, 16) : parseInt(String(dec), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (text.indexOf('_x') >= 0) {
    text = text.replace(/_x([\da-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return text.indexOf('\r\n') >= 0 ? text.replace(/\r\n/g, '\n') : text;
}

/** The attributes of a tag's text (`name="value"`, either quote), by local name, decoded. */
export function xmlAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((m[1] ?? '').startsWith('xmlns')) continue;
    const name = (m[1] ?? '').replace(/^[\w.-]*:/, '');
    const value = m[2] ?? m[3] ?? '';
    out[name] =
      value.indexOf('&') >= 0
        ? value.replace(
            /&(quot|apos|gt|lt|amp);/g,
            (_, e: string) => ({ quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' })[e] ?? '',
          )
        : value;
  }
  return out;
}
