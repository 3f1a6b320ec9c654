import type { SuggestionsView } from "@/lib/claim-suggestions/types";
import type { PreferencesInput } from "@/lib/users/preferences";
import { call, type ApiResult } from "@/components/claims/api";

/** The browser's side of the suggestions API (decision 0023). */

export function fetchSuggestions(articleId: string): Promise<ApiResult<SuggestionsView>> {
  return call(`/api/articles/${encodeURIComponent(articleId)}/suggestions`, { method: "GET", cache: "no-store" });
}

export function dismissSuggestion(id: string): Promise<ApiResult<{ dismissedAt: string }>> {
  return call(`/api/suggestions/${encodeURIComponent(id)}/dismiss`, { method: "POST", body: "{}" });
}

export function savePreferences(input: PreferencesInput): Promise<ApiResult<{ suggestClaims: boolean }>> {
  return call("/api/profile/preferences", { method: "PATCH", body: JSON.stringify(input) });
}
