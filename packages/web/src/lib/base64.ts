// Bytes to base64 in the browser, for uploads that must arrive byte for byte (any text encoding).

// String.fromCharCode takes its arguments on the stack: convert in chunks so large files do not overflow it.
const CHUNK = 0x8000;

/** Base64 of raw bytes (RFC 4648, with padding). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  }
  return btoa(binary);
}
