import { describe, expect, it } from "vitest";
import { currentItem } from "@/components/ui/main-nav";

const items = [
  { href: "/dock", label: "Dock" },
  { href: "/dock/expected", label: "Expected" },
  { href: "/jobs", label: "Jobs" },
];

describe("the main navigation's current page", () => {
  it("marks the item whose page, or a page below it, is open", () => {
    expect(currentItem("/jobs", items)).toBe("/jobs");
    expect(currentItem("/jobs/123", items)).toBe("/jobs");
    expect(currentItem("/dock", items)).toBe("/dock");
  });
  it("marks only the most precise item: /dock/expected is Expected, not Dock", () => {
    expect(currentItem("/dock/expected", items)).toBe("/dock/expected");
    expect(currentItem("/dock/expectedness", items)).toBe("/dock");
  });
  it("marks nothing on a page outside the navigation", () => {
    expect(currentItem("/settings", items)).toBeUndefined();
  });
});
