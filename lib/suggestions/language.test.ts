import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language";

const SAMPLE = fs.readFileSync(path.join(process.cwd(), "prisma", "seed-data", "sample-article.txt"), "utf8");

/** Short news paragraphs in other languages, as an editor might paste them. */
const OTHER_LANGUAGES: Record<string, string> = {
  french:
    "Le président russe a déclaré que la Russie était prête à envoyer une délégation à Minsk pour des pourparlers avec l'Ukraine. Les dirigeants de l'Union européenne ont approuvé un vaste paquet de sanctions.",
  spanish:
    "El presidente ruso dijo que Rusia está dispuesta a enviar una delegación a Minsk para conversar con Ucrania. Los líderes de la Unión Europea aprobaron un amplio paquete de sanciones.",
  german:
    "Der russische Präsident sagte, Russland sei bereit, eine Delegation zu Gesprächen mit der Ukraine nach Minsk zu schicken. Die Staats- und Regierungschefs der EU haben ein umfassendes Sanktionspaket gebilligt.",
  italian:
    "Il presidente russo ha detto che la Russia è pronta a inviare una delegazione a Minsk per colloqui con l'Ucraina. I leader dell'Unione europea hanno approvato un ampio pacchetto di sanzioni.",
  dutch:
    "De Russische president zei dat Rusland bereid is een delegatie naar Minsk te sturen voor gesprekken met Oekraïne. De leiders van de Europese Unie steunden een breed sanctiepakket.",
  russian:
    "Президент России заявил, что Россия готова направить делегацию в Минск для переговоров с Украиной. Лидеры Европейского союза одобрили широкий пакет санкций.",
  chinese: "俄罗斯总统表示，俄罗斯愿意派代表团前往明斯克与乌克兰进行谈判。欧盟领导人批准了一揽子广泛的制裁措施。",
  arabic:
    "قال الرئيس الروسي إن روسيا مستعدة لإرسال وفد إلى مينسك لإجراء محادثات مع أوكرانيا. ووافق قادة الاتحاد الأوروبي على حزمة واسعة من العقوبات.",
};

describe("detectLanguage", () => {
  it("says the sample article and debate sentences are English", () => {
    expect(detectLanguage(SAMPLE)).toBe("en");
    expect(
      detectLanguage("We have cut taxes for 95 percent of working families, and the deficit is lower than it was."),
    ).toBe("en");
  });

  it.each(Object.entries(OTHER_LANGUAGES))("says %s news text is not English", (_name, text) => {
    expect(detectLanguage(text)).toBe("other");
  });

  it("says unknown for empty or very short text, and bounds the work on huge text", () => {
    expect(detectLanguage("")).toBe("unknown");
    expect(detectLanguage("Biden wins")).toBe("unknown");
    expect(detectLanguage("12 34 56 ... !!")).toBe("unknown");
    expect(detectLanguage("x".repeat(100_000))).toBe("unknown");
    expect(detectLanguage("the ".repeat(50_000))).toBe("en");
  });
});
