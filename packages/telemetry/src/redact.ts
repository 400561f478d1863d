const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|credential|cookie|private[-_]?key|session/i;
const MAX_RECORDED_CHARS = 4096;

/**
 * JSON of `value` with the values of secret-looking keys replaced, capped in size: what opt-in
 * argument/result recording puts on spans. Never used unless a server turns recording on.
 */
export function redactedJson(value: unknown): string {
  const json = JSON.stringify(value, (key, inner: unknown) => (key && SECRET_KEY.test(key) ? "[redacted]" : inner)) ?? "null";
  return json.length > MAX_RECORDED_CHARS ? `${json.slice(0, MAX_RECORDED_CHARS)}…[truncated]` : json;
}
