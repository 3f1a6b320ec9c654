/**
 * Anchoring claims to article text: describe a selection as selectors, validate selectors a
 * client sends, re-locate them in an edited article, and map between plain-text offsets and
 * ProseMirror positions. Pure functions: no React, no DOM, no database.
 */
export {
  CONTEXT_LENGTH,
  describeRange,
  validateSelectors,
  type ClaimSelectors,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./selectors";
export {
  AMBIGUITY_MARGIN,
  MIN_CONTEXT_SIDE_SIMILARITY,
  MIN_CONTEXT_SIMILARITY,
  MIN_QUOTE_SIMILARITY,
  SCORE_WEIGHTS,
  SELF_EVIDENT_QUOTE_LENGTH,
  createLocator,
  locate,
  type Anchor,
  type Locator,
} from "./locate";
export { buildTextIndex, offsetsToRange, selectionToOffsets, type TextIndex } from "./prosemirror";
