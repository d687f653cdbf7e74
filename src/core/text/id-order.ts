/**
 * The order of ids (answer documents, content entries) as `a.localeCompare(b)` gives it,
 * without loading ICU's collation data, about 3 MiB of memory the first time anything
 * collates. Ids made of lowercase letters, digits, `-` and `:` are compared here, in
 * ICU's root order for those characters (`-` < `:` < digits < letters, a prefix first);
 * any other string is handed to localeCompare.
 */
const ORDER = "-:0123456789abcdefghijklmnopqrstuvwxyz";
const PLAIN = /^[-:0-9a-z]*$/;

/** Negative, zero or positive, as `a.localeCompare(b)`. */
export function compareIds(a: string, b: string): number {
  if (!PLAIN.test(a) || !PLAIN.test(b)) return a.localeCompare(b);
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (a[i] !== b[i]) return ORDER.indexOf(a[i] as string) - ORDER.indexOf(b[i] as string);
  }
  return a.length - b.length;
}
