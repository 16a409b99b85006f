import { describe, expect, it } from "vitest";
import { horodatageIso } from "../../src/storage/base.js";

/** Les horodatages relus de PostgreSQL sont les mêmes chaînes ISO que celles qu'écrit l'application. */
describe("horodatageIso", () => {
  it.each([
    "2026-01-02 10:00:00+00",
    "2026-01-02 10:00:00.5+00",
    "2026-01-02 10:00:00.05+00",
    "2026-11-23 08:24:18.479627+00",
    "2026-11-23 08:24:18.999999+00",
    "1999-12-31 23:59:59.001+00",
    "2026-03-29 01:30:00+01",
    "2026-07-01 12:00:00.123+02:30",
  ])("%s → comme Date", (v) => {
    expect(horodatageIso(v)).toBe(new Date(v).toISOString());
  });
});
