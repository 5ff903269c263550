// Where JSON text goes wrong. JSON.parse says so only sometimes (V8 gives a position for some mistakes and a
// snippet for others, differently per version); this scanner runs only after JSON.parse failed, to name the
// line and column of the first mistake the same way everywhere.

export interface JsonMistake {
  offset: number;
  reason: string;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  fail(reason: string): never {
    throw { offset: this.i, reason } satisfies JsonMistake;
  }

  skipSpace(): void {
    // Past the end charCodeAt is NaN, which is no white space: the loop stops there.
    while (WHITESPACE.has(this.text.charCodeAt(this.i))) this.i++;
  }

  found(): string {
    return this.i >= this.text.length ? 'the end of the text' : `'${this.text[this.i]}'`;
  }

  expect(char: string, what: string): void {
    this.skipSpace();
    if (this.text[this.i] !== char) this.fail(`expected ${what}, found ${this.found()}`);
    this.i++;
  }

  string(): void {
    const text = this.text;
    this.i++; // the opening quote
    for (;;) {
      if (this.i >= text.length) this.fail('a text is not closed (missing ")');
      const c = text.charCodeAt(this.i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('a character not allowed in a text');
      if (c === 0x5c) {
        ESCAPE.lastIndex = this.i;
        if (ESCAPE.exec(text) === null) this.fail('an escape sequence JSON does not know');
        this.i = ESCAPE.lastIndex;
      } else this.i++;
    }
    this.i++;
  }

  value(): void {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === '{') return this.members('}', true);
    if (c === '[') return this.members(']', false);
    if (c === '"') return this.string();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.i;
    if (NUMBER.exec(this.text) !== null) {
      this.i = NUMBER.lastIndex;
      return;
    }
    this.fail(`expected a value, found ${this.found()}`);
  }

  members(close: '}' | ']', keyed: boolean): void {
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      if (keyed) {
        this.skipSpace();
        if (this.text[this.i] !== '"')
          this.fail(`expected a property name in double quotes, found ${this.found()}`);
        this.string();
        this.expect(':', "':'");
      }
      this.value();
      this.skipSpace();
      const c = this.text[this.i];
      if (c === close) {
        this.i++;
        return;
      }
      if (c !== ',') this.fail(`expected ',' or '${close}', found ${this.found()}`);
      this.i++;
    }
  }
}

/** The first mistake in JSON text, or null when it is valid JSON. */
export function firstJsonMistake(text: string): JsonMistake | null {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.skipSpace();
    if (scanner.i < text.length)
      scanner.fail(`unexpected ${scanner.found()} after the end of the JSON value`);
    return null;
  } catch (mistake) {
    return mistake as JsonMistake;
  }
}
