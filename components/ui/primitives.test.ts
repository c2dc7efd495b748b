import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, NOTE } from "@/components/ui/field";
import { ColumnHeader, Table } from "@/components/ui/table";

/** The markup, parsed just enough to read one element's attributes. */
function attributesOf(html: string, tag: string): Record<string, string> {
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  if (!open) throw new Error(`no <${tag}> in ${html}`);
  return Object.fromEntries(
    [...open[1]!.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? ""]),
  );
}

describe("Button", () => {
  it("is a plain button unless told to submit, so a click in a form submits nothing by accident", () => {
    expect(
      attributesOf(renderToStaticMarkup(h(Button, { children: "Keep it open" })), "button").type,
    ).toBe("button");
    const submit = renderToStaticMarkup(h(Button, { type: "submit", children: "Add user" }));
    expect(attributesOf(submit, "button").type).toBe("submit");
  });

  it("while pending: says so, is aria-disabled and stays enabled, so it keeps the keyboard focus", () => {
    const html = renderToStaticMarkup(
      h(Button, { type: "submit", pending: true, pendingLabel: "Adding…", children: "Add user" }),
    );
    const button = attributesOf(html, "button");
    expect(button["aria-disabled"]).toBe("true");
    expect(button).not.toHaveProperty("disabled");
    expect(html).toContain(">Adding…</button>");
    expect(html).not.toContain("Add user");
  });

  it("when not pending: no aria-disabled, and its own label", () => {
    const html = renderToStaticMarkup(
      h(Button, { pending: false, pendingLabel: "Adding…", children: "Add user" }),
    );
    expect(attributesOf(html, "button")).not.toHaveProperty("aria-disabled");
    expect(html).toContain(">Add user</button>");
  });

  it("keeps its label while pending when it has no pending label (Resolve, Record contact)", () => {
    const html = renderToStaticMarkup(h(Button, { pending: true, children: "Resolve" }));
    expect(html).toContain(">Resolve</button>");
    expect(attributesOf(html, "button")["aria-disabled"]).toBe("true");
  });

  it("looks like what it does: each variant and size its own classes, extra classes kept", () => {
    expect(buttonClass()).toContain("bg-blue-700");
    expect(buttonClass({ variant: "danger" })).toContain("bg-red-800");
    expect(buttonClass({ variant: "secondary" })).toContain("border-slate-500");
    expect(buttonClass({ variant: "danger-outline" })).toContain("text-red-900");
    expect(buttonClass({ variant: "neutral" })).toContain("bg-slate-800");
    expect(buttonClass({ size: "sm" })).toContain("text-sm");
    expect(buttonClass({ className: "self-start" })).toMatch(/ self-start$/);
    // Dimmed while pending or disabled, whatever the variant.
    expect(buttonClass({ variant: "secondary" })).toContain("aria-disabled:opacity-60");
  });
});

describe("Field", () => {
  it("labels its input: the label's for is the input's id", () => {
    const html = renderToStaticMarkup(h(Field, { label: "Name", name: "name", id: "n" }));
    expect(attributesOf(html, "label").for).toBe("n");
    expect(attributesOf(html, "input")).toMatchObject({ id: "n", name: "name" });
  });

  it("without errors or hint: not invalid, described by nothing", () => {
    const input = attributesOf(
      renderToStaticMarkup(h(Field, { label: "Name", name: "name", id: "n" })),
      "input",
    );
    expect(input).not.toHaveProperty("aria-invalid");
    expect(input).not.toHaveProperty("aria-describedby");
  });

  it("with errors: aria-invalid, described by its errors, which are shown and announced", () => {
    const html = renderToStaticMarkup(
      h(Field, { label: "Email", name: "email", id: "e", errors: ["Give an email address."] }),
    );
    const input = attributesOf(html, "input");
    expect(input["aria-invalid"]).toBe("true");
    expect(input["aria-describedby"]).toBe("e-error");
    expect(html).toMatch(/<p id="e-error" aria-live="polite"[^>]*>Give an email address\.<\/p>/);
  });

  it("with a hint and errors: described by both, the hint first", () => {
    const html = renderToStaticMarkup(
      h(Field, {
        label: "Wait until",
        name: "until",
        id: "u",
        hint: "A day after.",
        errors: ["Too early."],
      }),
    );
    expect(attributesOf(html, "input")["aria-describedby"]).toBe("u-hint u-error");
    expect(html).toContain('<p id="u-hint"');
  });

  it("a note is a required text area of 3 to 500 characters, the limits of the schemas", () => {
    const html = renderToStaticMarkup(
      h(Field, { ...NOTE, label: "Note", name: "note", id: "t", mono: true }),
    );
    const area = attributesOf(html, "textarea");
    expect(area).toMatchObject({
      id: "t",
      name: "note",
      minLength: "3",
      maxLength: "500",
      rows: "2",
    });
    expect(area).toHaveProperty("required");
    expect(area.class).toContain("font-mono");
    expect(html).not.toContain("<input");
  });

  it("a select keeps its options, and is marked invalid like the others", () => {
    const html = renderToStaticMarkup(
      h(
        Field,
        { as: "select", label: "Role", name: "role", id: "r", errors: ["Pick a role."] },
        h("option", { value: "operator" }, "Operator"),
      ),
    );
    expect(attributesOf(html, "select")).toMatchObject({ id: "r", "aria-invalid": "true" });
    expect(html).toContain('<option value="operator">Operator</option>');
  });

  it("two fields of the same name get different ids when none is given", () => {
    const html = renderToStaticMarkup(
      h(
        "div",
        null,
        h(Field, { label: "Note", name: "note" }),
        h(Field, { label: "Note", name: "note" }),
      ),
    );
    const ids = [...html.matchAll(/<input[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe("Table", () => {
  const rows = h("tr", null, h("td", null, "Ana"));

  it("scrolls in a focusable region named by its caption", () => {
    const html = renderToStaticMarkup(
      h(Table, { id: "users-caption", caption: "Users", headers: ["Name"], children: rows }),
    );
    expect(attributesOf(html, "div")).toMatchObject({
      role: "region",
      "aria-labelledby": "users-caption",
      tabindex: "0",
    });
    expect(html).toMatch(/<caption id="users-caption" class="sr-only">Users<\/caption>/);
  });

  it("names its columns with scope=col headers", () => {
    const html = renderToStaticMarkup(
      h(Table, { caption: "Users", headers: ["Name", "Role"], children: rows }),
    );
    expect([...html.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1])).toEqual([
      "Name",
      "Role",
    ]);
  });

  it("takes a header row of its own, and can do without the scrolling box", () => {
    const html = renderToStaticMarkup(
      h(Table, {
        caption: "Sites",
        scroll: false,
        head: h(ColumnHeader, null, "Site"),
        children: rows,
      }),
    );
    expect(html).not.toContain('role="region"');
    expect(html).toMatch(/^<table/);
    expect(html).toContain('<th scope="col" class="px-3 py-2 font-semibold">Site</th>');
  });

  it("its region points at its caption when it makes up the id itself", () => {
    const html = renderToStaticMarkup(
      h(Table, { caption: "Drives", headers: ["Serial"], children: rows }),
    );
    const id = attributesOf(html, "caption").id;
    expect(id).toBeTruthy();
    expect(attributesOf(html, "div")["aria-labelledby"]).toBe(id);
  });
});

describe("Dialog", () => {
  it("is a native dialog named by its heading, closed until its parent opens it", () => {
    const html = renderToStaticMarkup(
      h(Dialog, {
        open: false,
        onDismiss: () => {},
        labelledBy: "t",
        children: h("h2", { id: "t" }, "Close this package?"),
      }),
    );
    const dialog = attributesOf(html, "dialog");
    expect(dialog["aria-labelledby"]).toBe("t");
    expect(dialog).not.toHaveProperty("open");
  });
});
