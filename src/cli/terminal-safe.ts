/**
 * Text the CLI prints comes partly from its input (file names, keys, values, YAML error excerpts).
 * A YAML string such as "\e]0;title\a", "\x9b" or "\u202e" would reach the terminal as a raw escape
 * sequence, retitle the window, move the cursor over earlier lines, or reverse what follows. Every
 * line the CLI prints goes through here: C0 controls (except newline and tab), DEL, C1 controls and
 * the bidirectional formatting characters are shown as \uXXXX instead. The same notation is a valid
 * JSON escape, so --json output stays valid JSON with the same meaning.
 */

// C0 except \t (09) and \n (0a); DEL; C1; ALM; LRM/RLM; LRE..RLO; LRI..PDI.
// Unicode bidi classes: https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
