/** A cookie jar of one: name=value pairs from Set-Cookie headers, later ones winning. */
function remember(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0] ?? "";
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * Signs in through next-auth's credentials endpoint, as e2e/fixtures.ts `signInApi` does, and
 * returns the Cookie header that carries the session.
 */
export async function signIn(baseUrl: string, user: { email: string; password: string }): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  remember(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: "true" }),
    redirect: "manual",
  });
  remember(jar, callback);
  await callback.arrayBuffer();

  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { Cookie: cookieHeader(jar) } });
  const body = (await session.json()) as { user?: { email?: string } };
  if (body.user?.email !== user.email)
    throw new Error(`Signing in as ${user.email} failed (callback answered ${callback.status})`);
  return cookieHeader(jar);
}
