/** Why the sign-in page was reached, as /login?notice=… names it after the profile page's actions. */
export const SIGNED_OUT_NOTICES = {
  "signed-out-everywhere": "You are signed out on every device.",
  "password-changed": "Your password is changed and you are signed out on every device: sign in with the new password.",
} as const;
export type SignedOutNotice = keyof typeof SIGNED_OUT_NOTICES;

/** The message for a notice name; nothing for an unknown one (the query is anyone's to write). */
export function signedOutNotice(name: string | undefined): string | null {
  return name && Object.hasOwn(SIGNED_OUT_NOTICES, name) ? SIGNED_OUT_NOTICES[name as SignedOutNotice] : null;
}

export const loginWithNotice = (name: SignedOutNotice) => `/login?notice=${name}`;
