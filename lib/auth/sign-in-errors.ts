/**
 * What the sign-in page may say. next-auth carries an error as a code in the URL
 * (`/sign-in?error=...`) and in `signIn()`'s answer; only these codes are shown, each with our
 * own sentence, so a link cannot make the page print text of someone else's choosing.
 */
export const SIGN_IN_ERRORS = {
  WrongCredentials: "The email or password is wrong.",
  // next-auth's own code for a refused credentials sign-in.
  CredentialsSignin: "The email or password is wrong.",
  MissingCredentials: "Enter your email and your password.",
  TooManyAttempts: "Too many failed sign-ins. Wait 15 minutes, then try again.",
  AccountDisabled: "This account is disabled. Ask an administrator to enable it.",
  SessionRequired: "Sign in to continue.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

const GENERIC = "Signing in did not work. Try again.";

/** The sentence for a code; any other text (a crafted link, an unexpected error) gets a plain one. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(SIGN_IN_ERRORS, code) ? SIGN_IN_ERRORS[code as SignInErrorCode] : GENERIC;
}

/**
 * Where to go after signing in: a path of this site, never another origin. Browsers read
 * `/\evil.example`, `/<tab>/evil.example` and `//evil.example` as other hosts, so the path is
 * resolved as a browser would resolve it, against a stand-in origin, and kept only if it stays
 * there; what is returned is the resolved, normalized path. Without one (or with one that leaves the
 * site) it is `/`, which sends each role on to its start page (START_PAGES in lib/permissions.ts).
 */
export function safeReturnPath(callbackUrl: string | null | undefined, fallback = "/"): string {
  if (!callbackUrl || !callbackUrl.startsWith("/")) return fallback;
  const base = "http://dockside.invalid";
  let url: URL;
  try {
    url = new URL(callbackUrl, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The normalized path must itself read as a path of this site (never `//host`).
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
    ? path
    : fallback;
}
