/**
 * A reason an article could not be imported. The message is shown to the person importing,
 * so it always says what went wrong and what they can do about it; anything else (a bug)
 * should stay a plain Error so it is not mistaken for bad input.
 */
export class ArticleImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArticleImportError";
  }
}

export const EMPTY_ARTICLE_MESSAGE = "The article is empty: paste or upload some text.";

export const DOCX_UNREADABLE_MESSAGE =
  "This .docx file could not be read: open it in Word or Google Docs, save it again as .docx " +
  "and upload the new file, or paste the article's text instead.";
