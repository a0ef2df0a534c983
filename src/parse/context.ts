// Shared state of one parse: the lines being read, warnings, and where each value came from.
import type { SourceLine, SourceText } from "../domain/source.ts";
import type { Span } from "../domain/minutes.ts";

/** A value with the place in the source it was read from. */
export interface Located<T> {
  value: T;
  span: Span;
  /** read from a fallback or a guess rather than where such a value is stated: its confidence is low */
  low?: boolean;
}

/** An agenda item found in the text: lines [start, end) with the heading on `start`. */
export interface ItemBlock {
  number: Located<string>;
  title: Located<string>;
  /** index into ctx.lines of the heading line */
  start: number;
  /** index of the first line of the item's body (after the heading, which may wrap) */
  bodyStart: number;
  /** index one past the last line of the item */
  end: number;
}

export class ParseContext {
  readonly source: SourceText;
  /** The lines the parsers read. A pre-pass may split or join lines; spans keep source offsets. */
  lines: SourceLine[];
  readonly warnings: string[] = [];

  constructor(source: SourceText) {
    this.source = source;
    this.lines = source.lines;
  }

  warn(message: string, lineIndex?: number): void {
    const where = lineIndex !== undefined && this.lines[lineIndex] ? `line ${this.lines[lineIndex].no}: ` : "";
    const text = where + message;
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }

  /** Span of a whole line (by index), or of [from, to) characters within it. */
  span(lineIndex: number, from = 0, to?: number, implied = false): Span {
    const line = this.lines[Math.max(0, Math.min(lineIndex, this.lines.length - 1))];
    const end = to ?? line.text.length;
    const span: Span = { line: line.no, start: line.offset + from, end: line.offset + end };
    if (implied) span.implied = true;
    return span;
  }

  /** Span across lines [fromIndex, toIndex] inclusive. */
  spanLines(fromIndex: number, toIndex: number, implied = false): Span {
    const a = this.lines[fromIndex];
    const b = this.lines[Math.max(fromIndex, toIndex)];
    const span: Span = { line: a.no, start: a.offset, end: b.offset + b.text.length };
    if (b.no !== a.no) span.endLine = b.no;
    if (implied) span.implied = true;
    return span;
  }

  located<T>(value: T, lineIndex: number, from = 0, to?: number, implied = false): Located<T> {
    return { value, span: this.span(lineIndex, from, to, implied) };
  }
}
