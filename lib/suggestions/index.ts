/** Claim suggestions: sentence splitting, language detection and the check-worthiness model. */
export { splitSentences, type SentenceSpan } from "./sentences";
export { detectLanguage, type Language } from "./language";
export { loadModel, type CheckworthinessModel } from "./model";
export { suggestSentences, type ScoredSentence, type SuggestionStrength } from "./suggest";
