// The group rules: a group's status at a moment, its seats, and when a join is refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deadlineOf,
  groupStatusAt,
  hasTimeForHold,
  joinRefusal,
  outcomeAtDeadline,
  seatsLeft,
  storeFilledSeats,
  type GroupState,
} from "../../core/rules/group-seats";

const HOLD = 15 * 60_000;
const NOW = Date.parse("2026-12-01T08:00:00Z");

const open = (fields: Partial<GroupState> = {}): GroupState => ({
  status: "open",
  size: 3,
  reserved: 1,
  paid: 1,
  expires_at_ms: NOW + 3_600_000,
  virtual_fill_at: null,
  ...fields,
});

describe("joinRefusal", () => {
  it("an open group with a free seat and more time left than the hold takes a join", () => {
    expect(joinRefusal(open(), NOW, HOLD)).toBeNull();
  });

  it("a full group: group_full", () => {
    expect(joinRefusal(open({ reserved: 3 }), NOW, HOLD)).toBe("group_full");
  });

  it("not open (pending its leader, succeeded, failed): group_closed, full or not", () => {
    for (const status of ["pending", "succeeded", "failed"] as const) {
      expect(joinRefusal(open({ status }), NOW, HOLD)).toBe("group_closed");
      expect(joinRefusal(open({ status, reserved: 3 }), NOW, HOLD)).toBe("group_closed");
    }
  });

  it("exactly the hold left, or less: group_closed; a millisecond more: a seat", () => {
    expect(joinRefusal(open({ expires_at_ms: NOW + HOLD }), NOW, HOLD)).toBe("group_closed");
    expect(joinRefusal(open({ expires_at_ms: NOW + HOLD - 1 }), NOW, HOLD)).toBe("group_closed");
    expect(joinRefusal(open({ expires_at_ms: NOW + HOLD + 1 }), NOW, HOLD)).toBeNull();
    expect(hasTimeForHold(NOW + HOLD + 1, NOW, HOLD)).toBe(true);
  });

  it("whatever the group, a join is allowed only when a seat is free, it is open and time remains", () => {
    const state = fc.record({
      status: fc.constantFrom("pending", "open", "succeeded", "failed" as const),
      size: fc.integer({ min: 2, max: 10 }),
      reserved: fc.integer({ min: 0, max: 10 }),
      left: fc.integer({ min: -HOLD, max: 3 * HOLD }),
    });
    fc.assert(
      fc.property(state, ({ status, size, reserved, left }) => {
        const g = open({ status, size, reserved: Math.min(reserved, size), expires_at_ms: NOW + left });
        const allowed = status === "open" && g.reserved < size && left > HOLD;
        expect(joinRefusal(g, NOW, HOLD) === null).toBe(allowed);
      }),
    );
  });
});

describe("a group's status and seats at a moment", () => {
  it("open until its deadline; at the deadline it has failed unless its virtual fill is reached", () => {
    const g = open({ paid: 2, virtual_fill_at: 2 });
    expect(groupStatusAt(g, g.expires_at_ms - 1)).toBe("open");
    expect(groupStatusAt(g, g.expires_at_ms)).toBe("succeeded");
    expect(groupStatusAt(open({ paid: 1, virtual_fill_at: 2 }), g.expires_at_ms)).toBe("failed");
    expect(groupStatusAt(open({ paid: 2 }), g.expires_at_ms)).toBe("failed");
    expect(outcomeAtDeadline(3, null)).toBe("failed");
    expect(outcomeAtDeadline(1, 1)).toBe("succeeded");
  });

  it("seats left: free seats of an open group, none once it has ended or before it opens", () => {
    expect(seatsLeft(open({ reserved: 1 }), NOW)).toBe(2);
    expect(seatsLeft(open({ reserved: 3 }), NOW)).toBe(0);
    expect(seatsLeft(open({ status: "pending" }), NOW)).toBe(0);
    expect(seatsLeft(open(), NOW + 3_600_000)).toBe(0);
  });

  it("a virtual fill's missing seats are the store's, shown once the group has succeeded", () => {
    const g = open({ size: 5, paid: 3, virtual_fill_at: 3 });
    expect(storeFilledSeats(g, 3, NOW)).toBe(0);
    expect(storeFilledSeats(g, 3, g.expires_at_ms)).toBe(2);
    expect(storeFilledSeats({ ...g, status: "succeeded" }, 5, NOW)).toBe(0);
  });

  it("a group opened by its leader's payment closes its hours later", () => {
    expect(deadlineOf(NOW, 24)).toBe(NOW + 24 * 3_600_000);
  });
});
