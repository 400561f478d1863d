import { describe, expect, it } from "vitest";
import { html } from "./html.js";

describe("html", () => {
  it("escapes interpolated text, in elements and attributes alike", () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${name}">${name}</p>`.markup).toBe(
      '<p title="&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62;&#38;">&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62;&#38;</p>',
    );
  });

  it("keeps nested templates as markup, joins lists and drops empty values", () => {
    const items = ["a<", "b"].map((item) => html`<li>${item}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`;
    expect(list.markup.replace(/>\s+</g, "><")).toBe("<ul><li>a&#60;</li><li>b</li></ul>");
    expect(html`${null}${undefined}${false}${0}`.markup).toBe("0");
  });
});
