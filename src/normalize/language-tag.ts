/**
 * A declared language in the case BCP 47 writes it: `EN` → `en`, `nl-nl` and `en_US` → `nl-NL`, `en-US`, `zh-hant-tw`
 * → `zh-Hant-TW`. Null for what is not a tag (`English`, `x`), so that the language is detected instead.
 */
export function languageTag(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const [language, ...rest] = value.trim().replaceAll('_', '-').split('-');
  if (!language || !/^[a-z]{2,3}$/i.test(language)) return null;
  const parts = [language.toLowerCase()];
  for (const part of rest) {
    if (/^[a-z]{4}$/i.test(part)) parts.push(part.charAt(0).toUpperCase() + part.slice(1).toLowerCase());
    else if (/^(?:[a-z]{2}|\d{3})$/i.test(part)) parts.push(part.toUpperCase());
    else break;
  }
  return parts.join('-');
}
