import { randomUUID } from 'node:crypto';

/** A new stable id. UUIDs are made by the application so rows can be linked before they are written. */
export function newId(): string {
  return randomUUID();
}
