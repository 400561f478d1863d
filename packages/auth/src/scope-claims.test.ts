import { describe, expect, it } from "vitest";
import { clientIdOf, scopesOf } from "./scope-claims.js";

describe("the claims each identity provider puts scopes and the client in", () => {
  it.each([
    [
      "RFC 9068 / Keycloak",
      { scope: "runbooks:read  runbooks:write", client_id: "deploy-bot", azp: "ignored" },
      "deploy-bot",
      ["runbooks:read", "runbooks:write"],
    ],
    ["Keycloak (user login)", { scope: "openid runbooks:read", azp: "ide-agent" }, "ide-agent", ["openid", "runbooks:read"]],
    ["Okta", { scp: ["runbooks:read"], cid: "0oa1b2c3" }, "0oa1b2c3", ["runbooks:read"]],
    ["Entra ID v2", { scp: "runbooks.read runbooks.write", azp: "3f2a-app" }, "3f2a-app", ["runbooks.read", "runbooks.write"]],
    ["Entra ID v1", { scp: "runbooks.read", appid: "3f2a-app" }, "3f2a-app", ["runbooks.read"]],
  ])("%s", (_provider, claims, client, scopes) => {
    expect(clientIdOf(claims)).toBe(client);
    expect([...scopesOf(claims)]).toEqual(scopes);
  });

  it("grants no scope from a claim of another shape", () => {
    expect([...scopesOf({ scope: 42 })]).toEqual([]);
    expect([...scopesOf({ scp: ["runbooks:read", 7] })]).toEqual(["runbooks:read"]);
  });
});
