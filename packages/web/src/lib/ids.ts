const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an address parameter is an id the API would accept (so a mistyped link is ignored, not sent). */
export function isId(value: string): boolean {
  return UUID.test(value);
}
