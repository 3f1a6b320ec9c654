/**
 * Paragraphs of a real news article (copied from the shared sample so that tests are
 * self-contained), used as realistic text for anchoring tests: curly quotes, names spelled two
 * ways (Zelenskyy/Zelensky/Zelenskiy), repeated words ("Russia", "talks", "Putin").
 */
export const ARTICLE_PARAGRAPHS: readonly string[] = [
  "Russian President, Vladimir Putin, has reportedly said that Russia is open to sending a delegation to Minsk for talks with Ukraine.",
  "Earlier, China’s leader, Xi Jinping, had told Putin that Moscow should negotiate with the government in Kyiv.",
  "Russian-led forces continued attacks on military and civilian targets on the second day of their invasion, after the U.S. and its allies imposed new sanctions on Moscow.",
  "A readout from Kremlin spokesman, Dmitry Peskov, stated that Russia is now open to talks in response to the request of the Ukrainian President, Volodymyr Zelenskyy.",
  "The readout said, “Following Zelensky’s proposal to discuss the neutral status of Ukraine, Putin can send representatives of the Ministry of Defence, the Foreign Ministry and his administration to negotiations with the Ukrainian delegation.”",
  "The readout added that Minsk was chosen as the venue for the proposed talk.",
  "In the meantime, CNN reported that Ukraine was under significant pressure, as Russian forces appeared to be closing in on Kyiv.",
  "The report indicated that the Russian forces have entered the Obolon district in the North of the city, just a few miles from its centre.",
  "Also, the Ukrainian forces have reportedly pushed the Russian forces back, having blown up the city bridge to stop their advancement.",
  "Bloomberg reports that U.S. President, Joe Biden, has warned of “a dangerous moment for all of Europe.”",
  "European Union leaders backed a broad sanctions package late Thursday that they said will limit Russia’s access to Europe’s financial sector and restrict key technologies.",
  "Leaders from the North Atlantic Treaty Organization, NATO, will hold virtual talks on the alliance’s next steps starting at 3 p.m. in Brussels.",
  "President Zelenskiy said that Ukraine’s military had so far prevented Russia from achieving its objectives.",
  "He said, “Russia will have to talk to us sooner or later, talk about how to end the fighting and stop this invasion,” in an early morning address on Friday.",
  "He added, “The sooner this conversation begins, the smaller the losses to Russia itself.”",
];

/** The article's plain text: paragraphs joined by "\n", as plainTextOf produces it. */
export const ARTICLE_TEXT = ARTICLE_PARAGRAPHS.join("\n");

export function paragraph(index: number): string {
  const value = ARTICLE_PARAGRAPHS[index];
  if (value === undefined) throw new Error(`No paragraph ${index}`);
  return value;
}

/** Describes the first occurrence of `passage` in `text`; throws if it is not there. */
export function rangeOf(text: string, passage: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(passage, from);
  if (start === -1) throw new Error(`Passage not found: ${passage}`);
  return { start, end: start + passage.length };
}
