import type { MessageData } from './types';

/** Fills "{{name}}" placeholders; unknown placeholders stay visible so a missing datum is noticed in tests. */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
