import type { APIRequest, APIRequestContext, APIResponse } from "@playwright/test";
import type { ClaimDetails, ClaimEventView, ClaimSummaries, ClaimSummary } from "@/lib/claims/types";
import { expect, signInApi } from "./fixtures";

export type { ClaimDetails, ClaimSummaries, ClaimSummary };

/** The sentences of every test article, one paragraph each, so tests can quote them by value. */
export const SENTENCES = {
  budget: "The city council approved a budget of 4.2 million euros on Tuesday.",
  turnout: "Turnout in the local election reached 61 percent, the highest since 1998.",
  bridge: "The new bridge will open to traffic in March next year.",
  mayor: "The mayor said crime fell by a third over the last five years.",
} as const;

export interface TestArticle {
  id: string;
  text: string;
}

/** A fresh plain-text article, created through the API by the signed-in client. */
export async function createArticle(request: APIRequestContext): Promise<TestArticle> {
  const response = await request.post("/api/articles", {
    multipart: { title: `Claims API test ${Date.now()}`, format: "txt", text: Object.values(SENTENCES).join("\n\n") },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  const article = (await (await request.get(`/api/articles/${id}`)).json()) as { text: string };
  for (const sentence of Object.values(SENTENCES)) expect(article.text).toContain(sentence);
  return { id, text: article.text };
}

export interface Selector {
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
}

/** Position + quote selectors for the first occurrence of `sentence` in the article's plain text. */
export function selectorFor(text: string, sentence: string, context = 32): Selector {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`"${sentence}" is not in the article text`);
  const end = start + sentence.length;
  return {
    position: { start, end },
    quote: { exact: sentence, prefix: text.slice(Math.max(0, start - context), start), suffix: text.slice(end, end + context) },
  };
}

export const annotationsUrl = (articleId: string) => `/api/articles/${articleId}/annotations`;
export const claimUrl = (claimId: string) => `/api/annotations/${claimId}`;

/** Marks `sentence` as a claim and returns what the API answered (expects 201). */
export async function createClaim(
  request: APIRequestContext,
  article: TestArticle,
  sentence: string,
  extra: { status?: string; note?: string } = {},
): Promise<ClaimDetails> {
  const response = await request.post(annotationsUrl(article.id), { data: { ...selectorFor(article.text, sentence), ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ClaimDetails;
}

/** One claim's details (no history). */
export async function getClaim(request: APIRequestContext, claimId: string): Promise<ClaimDetails> {
  const response = await request.get(claimUrl(claimId));
  expect(response.status()).toBe(200);
  return (await response.json()) as ClaimDetails;
}

export async function getHistory(request: APIRequestContext, claimId: string): Promise<ClaimEventView[]> {
  const response = await request.get(`${claimUrl(claimId)}/history`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { history: ClaimEventView[] }).history;
}

/** The article's list of claim summaries (with `people` and `cursor`). */
export async function listSummaries(request: APIRequestContext, articleId: string, query = ""): Promise<ClaimSummaries> {
  const response = await request.get(`${annotationsUrl(articleId)}${query}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ClaimSummaries;
}

export async function listClaims(request: APIRequestContext, articleId: string, query = ""): Promise<ClaimSummary[]> {
  return (await listSummaries(request, articleId, query)).claims;
}

export function patchClaim(request: APIRequestContext, claimId: string, data: Record<string, unknown>): Promise<APIResponse> {
  return request.patch(claimUrl(claimId), { data });
}

/** Asserts a JSON error answer: the status, an `error` message a person can read, and matching it. */
export async function expectError(response: APIResponse, status: number, message?: RegExp): Promise<string> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const { error } = (await response.json()) as { error: unknown };
  expect(typeof error).toBe("string");
  if (message) expect(error).toMatch(message);
  return error as string;
}

/** The parts of a claim a failed write must leave alone, as the API reads them now. */
export async function stateOf(request: APIRequestContext, claimId: string) {
  const claim = await getClaim(request, claimId);
  return {
    version: claim.version,
    status: claim.status,
    note: claim.note,
    sources: claim.sources.map((s) => s.url),
    history: (await getHistory(request, claimId)).map((e) => e.kind),
  };
}

/** The state of every claim the article lists, in list order. */
export async function statesOf(request: APIRequestContext, articleId: string) {
  const states = [];
  for (const claim of await listClaims(request, articleId)) states.push(await stateOf(request, claim.id));
  return states;
}

/** A second, separately signed-in API client (another editor), or an anonymous one. Dispose it after use. */
export async function clientFor(
  apiRequest: APIRequest,
  baseURL: string | undefined,
  user?: { email: string; password: string },
): Promise<APIRequestContext> {
  const client = await apiRequest.newContext({ baseURL });
  if (user) await signInApi(client, user);
  return client;
}

export const SOURCE = { url: "https://stats.example.org/budget-2024", title: "Council budget 2024", publisher: "City Statistics Office" };
