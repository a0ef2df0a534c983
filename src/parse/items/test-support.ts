// Builds a parse context from plain text for the item tests.
import { splitLines } from "../../domain/source.ts";
import { ParseContext } from "../context.ts";

export function contextOf(text: string): ParseContext {
  return new ParseContext({ file: "test.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
}
