import { describe, expect, it } from "vitest";
import { clientAddressFrom, expectedOrigin, isCrossSiteWrite, type OriginInputs } from "./origin";

const direct: OriginInputs = {
  publicUrl: undefined,
  requestUrl: "http://localhost:3000/api/articles",
  host: "factline.example.org",
  forwardedHost: null,
  forwardedProto: null,
  trustProxy: false,
};
const write = (origin: string | null, secFetchSite: string | null = null) => ({ method: "POST", origin, secFetchSite });

describe("expected origin", () => {
  it("is the public URL when one is configured, whatever the request says", () => {
    expect(expectedOrigin({ ...direct, publicUrl: "https://desk.example.org/", forwardedHost: "evil.example" })).toBe("https://desk.example.org");
  });

  it("is the request's Host and scheme without a public URL", () => {
    expect(expectedOrigin(direct)).toBe("http://factline.example.org");
  });

  it("ignores X-Forwarded-Host and -Proto unless the proxy is trusted", () => {
    const forwarded = { ...direct, forwardedHost: "evil.example", forwardedProto: "https" };
    expect(expectedOrigin(forwarded)).toBe("http://factline.example.org");
    expect(expectedOrigin({ ...forwarded, trustProxy: true })).toBe("https://evil.example");
    expect(expectedOrigin({ ...direct, forwardedHost: "a.example, b.example", forwardedProto: "https", trustProxy: true })).toBe("https://a.example");
  });
});

describe("cross-site write check", () => {
  const own = "https://desk.example.org";

  it("lets writes from the same origin through", () => {
    expect(isCrossSiteWrite(write("https://desk.example.org", "same-origin"), own)).toBe(false);
    expect(isCrossSiteWrite(write("https://desk.example.org:443"), own)).toBe(false);
  });

  it("refuses an Origin that differs only in scheme, port or host", () => {
    expect(isCrossSiteWrite(write("http://desk.example.org"), own)).toBe(true);
    expect(isCrossSiteWrite(write("https://desk.example.org:8443"), own)).toBe(true);
    expect(isCrossSiteWrite(write("https://evil.example"), own)).toBe(true);
    expect(isCrossSiteWrite(write("https://news.desk.example.org"), own)).toBe(true);
    expect(isCrossSiteWrite(write("null"), own)).toBe(true);
  });

  it("refuses a browser's cross-site and same-site writes even without Origin", () => {
    expect(isCrossSiteWrite(write(null, "cross-site"), own)).toBe(true);
    expect(isCrossSiteWrite(write(null, "same-site"), own)).toBe(true);
    expect(isCrossSiteWrite(write("https://desk.example.org", "cross-site"), own)).toBe(true);
    expect(isCrossSiteWrite(write(null, "none"), own)).toBe(false);
  });

  it("lets scripts without Origin and Sec-Fetch-Site write, and never checks reads", () => {
    expect(isCrossSiteWrite(write(null), own)).toBe(false);
    expect(isCrossSiteWrite({ method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" }, own)).toBe(false);
    for (const method of ["PUT", "PATCH", "DELETE", "delete"]) {
      expect(isCrossSiteWrite({ method, origin: "https://evil.example", secFetchSite: null }, own)).toBe(true);
    }
  });

  it("refuses a forged X-Forwarded-Host's origin when the proxy is not trusted", () => {
    const expected = expectedOrigin({ ...direct, forwardedHost: "evil.example" });
    expect(isCrossSiteWrite(write("http://evil.example"), expected)).toBe(true);
    expect(isCrossSiteWrite(write("http://factline.example.org"), expected)).toBe(false);
  });
});

describe("client address", () => {
  it("takes X-Forwarded-For's first entry only behind a trusted proxy", () => {
    expect(clientAddressFrom("203.0.113.7, 10.0.0.2", true)).toBe("203.0.113.7");
    expect(clientAddressFrom("203.0.113.7, 10.0.0.2", false)).toBe("10.0.0.2");
    expect(clientAddressFrom("::1", false)).toBe("::1");
    expect(clientAddressFrom(null, false)).toBe("unknown");
  });
});
