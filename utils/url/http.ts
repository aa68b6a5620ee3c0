// Web addresses that come from outside (a frame's URL, a provider's reply): only http(s) ones are used.

/** The origin of an http(s) address; null for anything else (javascript:, data:, garbage). */
export function httpOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** `candidate` when it is an http(s) address, else `fallback` (the profile's own link). */
export function httpUrl(candidate: string | null | undefined, fallback: string): string {
  return candidate && httpOrigin(candidate) ? candidate : fallback;
}
