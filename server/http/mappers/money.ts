// Money at the JSON edge, for the mappers: bigint minor units become JSON numbers (exactly, or a
// RangeError beyond 2^53 − 1: see toJsonMinor).
import { toJsonMinor } from '../../domain/money';

export function nullableJsonMinor(amount: bigint | null): number | null {
  return amount === null ? null : toJsonMinor(amount);
}
