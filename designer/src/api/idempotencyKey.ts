// Idempotency keys for start and complete: random, and available on plain-http origins (where randomUUID is not).

/** A fresh random key (128 bits, hex) for the `Idempotency-Key` header. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
