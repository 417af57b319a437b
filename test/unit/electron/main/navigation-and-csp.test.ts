import { describe, expect, test } from "vitest";
import { contentSecurityPolicy } from "../../../../electron/main/content-security-policy";
import { chooseBackend, externalLinkHosts } from "../../../../electron/main/main-config";
import { isAllowedExternalUrl, isAppUrl } from "../../../../electron/main/navigation-guard";

const policy = {
  appOrigins: ["app://desk", "http://localhost:5173"],
  externalHosts: ["help.example.org", "*.bank.example"],
};

describe("navigation policy", () => {
  test.each([
    ["app://desk/", true],
    ["app://desk/case/AP-000001", true],
    ["http://localhost:5173/", true],
    ["http://localhost:5174/", false],
    ["app://desk.evil/", false],
    ["https://desk/", false],
  ])("app URL %s → %s", (url, expected) => {
    expect(isAppUrl(policy, url)).toBe(expected);
  });

  test.each([
    ["https://help.example.org/a", true],
    ["https://HELP.example.org/a", true],
    ["https://www.bank.example/statement", true],
    ["https://bank.example/", false],
    ["https://evilbank.example/", false],
    ["https://help.example.org.evil.com/", false],
    ["http://help.example.org/", false],
    ["https://a:b@help.example.org/", false],
    ["mailto:x@help.example.org", false],
  ])("external %s → %s", (url, expected) => {
    expect(isAllowedExternalUrl(policy, url)).toBe(expected);
  });

  test("the allowlist from the environment keeps only host names", () => {
    expect(
      externalLinkHosts({
        ARBITER_EXTERNAL_LINK_HOSTS: " help.example.org, *.bank.example ,javascript:x, ,localhost",
      }),
    ).toEqual(["help.example.org", "*.bank.example"]);
  });
});

describe("backend choice", () => {
  test("environment beats settings beats embedded; an empty variable is unset", () => {
    expect(
      chooseBackend({ ARBITER_API_URL: "https://a.example.com" }, "https://b.example.com"),
    ).toMatchObject({ url: "https://a.example.com", source: "environment" });
    expect(chooseBackend({ ARBITER_API_URL: "" }, "https://b.example.com")).toMatchObject({
      url: "https://b.example.com",
      source: "settings",
    });
    expect(chooseBackend({})).toEqual({ kind: "embedded" });
    expect(() => chooseBackend({ ARBITER_API_URL: "ftp://x" })).toThrow(/ARBITER_API_URL/);
  });
});

describe("content security policy", () => {
  test("development allows Vite's inline preamble and socket, on the dev origin only", () => {
    const csp = contentSecurityPolicy({
      apiOrigin: "http://127.0.0.1:9000",
      devServerOrigin: "http://localhost:5173",
    });
    expect(csp).toContain("script-src http://localhost:5173 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:9000 ws://localhost:5173");
    expect(csp).not.toContain("unsafe-eval");
  });
});
