/**
 * Time-zone names for the business-hours picker. Only IANA "Area/Location" names (and UTC) are
 * accepted: the runtime also knows abbreviations like "EST" whose rules are not a place's, and a
 * bare city ("Moscow") is not a zone at all — it used to be stored silently and computed as UTC.
 */
const FALLBACK = ['UTC'];

let names: readonly string[] | undefined;

/** Every IANA zone the runtime knows, canonical spelling, sorted. */
export function timeZoneNames(): readonly string[] {
  if (!names) {
    try {
      names = [...Intl.supportedValuesOf('timeZone')].sort();
    } catch {
      names = FALLBACK; // runtimes without supportedValuesOf: typing a name still validates below
    }
    if (!names.includes('UTC')) names = ['UTC', ...names];
  }
  return names;
}

/** The canonical zone name a typed one means ("europe/moscow" → "Europe/Moscow"), or undefined. */
export function parseTimeZone(input: string): string | undefined {
  const typed = input.trim();
  if (typed === '' || typed.length > 64) return undefined;
  if (!typed.includes('/') && typed.toUpperCase() !== 'UTC') return undefined;
  const known = timeZoneNames().find((name) => name.toLowerCase() === typed.toLowerCase());
  if (known) return known;
  try {
    // An alias the list leaves out (e.g. "Europe/Kiev"): the runtime resolves it to its zone.
    return new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
