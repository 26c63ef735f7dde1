import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Whether to colour: a TTY, and neither NO_COLOR nor a dumb terminal. */
const colour = process.stdout.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';

/**
 * Styles text when the output is a colour terminal.
 *
 * @param style The util.styleText style.
 * @param text The text.
 * @returns The styled or plain text.
 */
export function paint(style: Style, text: string): string {
  return colour ? styleText(style, text) : text;
}

/**
 * Prints a narration line of the assistant.
 *
 * @param text What the assistant says.
 */
export function say(text: string): void {
  console.log(paint('bold', `» ${text}`));
}

/**
 * Prints a tool call as the agent makes it.
 *
 * @param name The tool name.
 * @param input The tool input.
 */
export function printCall(name: string, input: Record<string, unknown>): void {
  console.log(`${paint('cyan', `→ ${name}`)} ${paint('dim', JSON.stringify(input))}`);
}

/**
 * Prints a tool result as the model sees it, indented; failures in red.
 *
 * @param ok Whether the call succeeded.
 * @param text The result text.
 * @param maxLines Lines shown before the rest is summarised.
 */
export function printResult(ok: boolean, text: string, maxLines = 3): void {
  const lines = text.split('\n');
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`… ${lines.length - maxLines} more lines`);
  for (const line of shown) console.log(paint(ok ? 'green' : 'red', `  ${line}`));
}
