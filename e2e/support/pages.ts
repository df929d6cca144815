import type { Page } from "playwright-core";

/** Every screen of the app, for specs that visit them all (accessibility, narrow layout). */
export interface AppScreen {
  name: string;
  /** Opens the screen and waits until its content (not a spinner) shows. */
  open: (page: Page) => Promise<void>;
}

/** Waits for the page's main heading, then for every spinner (data still loading) to go. */
async function settled(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".spinner").length === 0);
}

function visit(name: string, path: string | (() => string), heading: string | RegExp): AppScreen {
  return {
    name,
    open: async (page) => {
      await page.goto(typeof path === "string" ? path : path());
      await settled(page, heading);
    },
  };
}

/** Screens seen signed out. */
export const signedOutScreens: AppScreen[] = [
  visit("sign in", "/sign-in", "Sign in to Quarry"),
  visit("sign up", "/sign-up", "Create your Quarry account"),
  visit("forgot password", "/forgot-password", "Reset your password"),
  visit("reset password", "/reset-password/not-a-real-token", "Choose a new password"),
];

export interface Seeded {
  workspaceId: string;
  runId: string;
  /** Full name of a contact whose record panel the spec opens. */
  contactName: string;
}

/**
 * Screens of a signed-in owner, in the workspace the spec seeded. `seeded` is read when a screen
 * opens, so a spec can list the screens before its beforeAll has filled it in.
 */
export function signedInScreens(seeded: Seeded): AppScreen[] {
  const w = () => `/w/${seeded.workspaceId}`;
  const contactName = () => seeded.contactName;
  return [
    visit("contacts", () => `${w()}/contacts`, "Contacts"),
    {
      name: "record panel",
      open: async (page) => {
        await page.goto(`${w()}/contacts`);
        await settled(page, "Contacts");
        // The row's (or, on a phone, the card's) Open button; a click on a cell only selects it.
        await page
          .getByRole("button", { name: `Open ${contactName()}` })
          .first()
          .click();
        await page.getByRole("dialog", { name: contactName() }).waitFor();
        await page.waitForFunction(() => document.querySelectorAll(".spinner").length === 0);
      },
    },
    visit("companies", () => `${w()}/companies`, "Companies"),
    visit("enrichment runs", () => `${w()}/enrichment/runs`, "Enrichment runs"),
    visit("run", () => `${w()}/enrichment/runs/${seeded.runId}`, /^Enrich \d+ contact/),
    visit("members", () => `${w()}/settings/members`, "Members"),
    visit("roles", () => `${w()}/settings/roles`, "Roles"),
    visit("providers", () => `${w()}/settings/providers`, "Providers"),
    visit("credits", () => `${w()}/settings/credits`, "Credits"),
    visit("billing", () => `${w()}/settings/billing`, "Billing"),
    visit("API keys", () => `${w()}/settings/api-keys`, "API keys"),
    visit("account", "/account", "Account"),
    visit("not found (workspace)", () => `${w()}/no-such-page`, "Page not found"),
    visit("not found", "/no-such-page", "Page not found"),
  ];
}

/**
 * What scrolls sideways on this page: the document, or the shell's main region (signed-in pages
 * scroll there, not on the document). Each entry names the scroller, its widths, and the elements
 * sticking out past its right edge, outermost first. Empty when nothing does. Scrollers inside the
 * page (the grid, a code block) may scroll sideways; they are not checked.
 */
export async function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const cls =
        typeof el.className === "string" && el.className
          ? `.${el.className.trim().split(/\s+/).join(".")}`
          : "";
      return `${el.tagName.toLowerCase()}${cls}`;
    };
    const problems: string[] = [];
    const scrollers = [document.documentElement, document.querySelector(".shell-main")].filter(
      (el): el is HTMLElement => el instanceof HTMLElement,
    );
    for (const scroller of scrollers) {
      if (scroller.scrollWidth <= scroller.clientWidth) continue;
      const edge = scroller.getBoundingClientRect().left + scroller.clientWidth;
      // Inside a scroller of its own (the grid), an element may be as wide as it likes.
      const clipped = (el: Element) => {
        for (let p = el.parentElement; p && p !== scroller; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== "visible") return true;
        }
        return false;
      };
      const wide = [...scroller.querySelectorAll("*")].filter(
        (el) => el.getBoundingClientRect().right > edge + 1 && !clipped(el),
      );
      const outermost = wide.filter((el) => !wide.includes(el.parentElement as Element)).slice(0, 5);
      problems.push(
        `${describe(scroller)} is ${scroller.scrollWidth} px wide in ${scroller.clientWidth} px; sticking out: ${outermost
          .map((el) => `${describe(el)} (${Math.round(el.getBoundingClientRect().width)} px)`)
          .join(", ")}`,
      );
    }
    return problems;
  });
}
