/**
 * Where a JSON text first breaks, and why: JSON.parse's own messages differ between engines and often
 * carry no position, so the payload editor finds it with this small scanner (RFC 8259 grammar).
 */
export function locateJsonError(text: string): { offset: number; reason: string } | null {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason };
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  const describe = (): string => (i >= text.length ? 'the text ends too early' : `unexpected “${text[i]}”`);
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = (): void => {
    i += 1;
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i += 1;
        return;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail('unknown escape in a string');
      } else if (c < ' ') fail('a line break or control character inside a string');
      else i += 1;
    }
    fail('a string is not closed');
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(describe());
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(i >= text.length ? 'the text ends too early' : `unexpected “${c}”: a value was expected`);
  };
  const array = (): void => {
    i += 1;
    ws();
    if (text[i] === ']') {
      i += 1;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') i += 1;
      else if (text[i] === ']') {
        i += 1;
        return;
      } else fail(`${describe()}: “,” or “]” was expected`);
    }
  };
  const object = (): void => {
    i += 1;
    ws();
    if (text[i] === '}') {
      i += 1;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`${describe()}: a property name in double quotes was expected`);
      string();
      ws();
      if (text[i] !== ':') fail(`${describe()}: “:” was expected`);
      i += 1;
      value();
      ws();
      if (text[i] === ',') i += 1;
      else if (text[i] === '}') {
        i += 1;
        return;
      } else fail(`${describe()}: “,” or “}” was expected`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`${describe()} after the end of the JSON value`);
    return null;
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'offset' in err)
      return err as { offset: number; reason: string };
    throw err;
  }
}
