import type { Observation } from "@/lib/domain/types";
import type { Observation as ObservationRow } from "@/lib/db/generated/client";

/** A stored row as the domain type (drops the surrogate id). */
export function toObservation({ id: _id, ...row }: ObservationRow): Observation {
  return row;
}
