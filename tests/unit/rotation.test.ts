import { describe, expect, it } from "vitest";
import { nextTip, rotationOrder } from "../../src/scheduler/rotation.js";
import { realContent } from "../helpers/content.js";

const ids = realContent().tips.map((t) => t.id);

function postCycle(seed: string, eligible: string[], days: number): string[] {
  const posted = new Set<string>();
  const out: string[] = [];
  for (let day = 0; day < days; day++) {
    const next = nextTip(seed, eligible, posted);
    if (!next) break;
    if (next.newCycle) posted.clear();
    posted.add(next.tipId);
    out.push(next.tipId);
  }
  return out;
}

describe("tip rotation", () => {
  it("never repeats a tip within a cycle, and covers every tip", () => {
    const cycle = postCycle("slack:T1:C1", ids, ids.length);
    expect(new Set(cycle).size).toBe(ids.length);
  });

  it("starts the next cycle in the same order once every tip was posted", () => {
    const twoCycles = postCycle("slack:T1:C1", ids, ids.length * 2);
    expect(twoCycles.slice(ids.length)).toEqual(twoCycles.slice(0, ids.length));
  });

  it("gives each channel its own order, deterministically", () => {
    expect(rotationOrder("slack:T1:C1", ids)).toEqual(rotationOrder("slack:T1:C1", ids));
    expect(rotationOrder("slack:T1:C1", ids)).not.toEqual(rotationOrder("slack:T1:C2", ids));
  });

  it("lets a tip added mid-cycle join the current cycle", () => {
    const posted = new Set(rotationOrder("c", ids).slice(0, 10));
    const withNew = [...ids, "tip-added-later"];
    const rest = postCycle("c", withNew, withNew.length).filter((id) => !posted.has(id));
    expect(rest).toContain("tip-added-later");
    const remaining = new Set<string>(posted);
    const order: string[] = [];
    for (;;) {
      const next = nextTip("c", withNew, remaining);
      if (!next || next.newCycle) break;
      remaining.add(next.tipId);
      order.push(next.tipId);
    }
    expect(order).toContain("tip-added-later");
    expect(order).toHaveLength(withNew.length - 10);
  });
});
