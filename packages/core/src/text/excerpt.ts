import { redact } from './redact';

/** The most characters of a non-JSON body kept in an error. */
const EXCERPT_LENGTH = 300;

/** Shortens a non-JSON body to readable text: tags removed, whitespace collapsed, redacted. */
export function excerptOf(text: string): string {
  const readable = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = readable.length > EXCERPT_LENGTH ? `${readable.slice(0, EXCERPT_LENGTH)}…` : readable;
  return redact(cut);
}
