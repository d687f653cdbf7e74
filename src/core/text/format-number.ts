/**
 * Numbers as en-US writes them, for amounts in replies (`4,000`, `2.4`, `0.125`): exactly
 * what `Intl.NumberFormat("en-US").format` gives (thousands grouped, at most three
 * decimals, rounded half away from zero on the number's shortest decimal form), without
 * making one: the first Intl formatter loads ICU's locale data, about 8 MB and 10-20 ms of
 * every start that prints an amount.
 */

/** Intl for what has no plain decimal form (1e21 and up, NaN, Infinity). */
let intl: Intl.NumberFormat | undefined;

/** @example formatNumber(4000) === "4,000"; formatNumber(2.4) === "2.4" */
export function formatNumber(value: number): string {
  if (!(Math.abs(value) < 1e21)) {
    intl ??= new Intl.NumberFormat("en-US");
    return intl.format(value);
  }
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  // Below 1e-6 String() writes an exponent; such a number is 0 at three decimals anyway.
  const digits = Math.abs(value) < 1e-6 ? "0" : String(Math.abs(value));
  const [whole = "0", decimals = ""] = digits.split(".");
  // Thousandths, rounded half up on the decimal digits.
  const thousandths =
    BigInt(`${whole}${decimals.slice(0, 3).padEnd(3, "0")}`) + ((decimals[3] ?? "0") >= "5" ? 1n : 0n);
  const text = thousandths.toString().padStart(4, "0");
  const grouped = text.slice(0, -3).replace(/\B(?=(\d{3})+$)/g, ",");
  const fraction = text.slice(-3).replace(/0+$/, "");
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** An amount with its unit, and its IU when the content gives one: `15 µg (600 IU)`. */
export function formatAmount(value: number, unit: string, iu?: number | null): string {
  const base = `${formatNumber(value)} ${unit}`;
  return iu ? `${base} (${formatNumber(iu)} IU)` : base;
}
