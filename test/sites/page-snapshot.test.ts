import { Window } from 'happy-dom';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { pageAddress, snapshotPageHtml } from '../../src/sites/page-snapshot.ts';

// Nothing loads or runs: the pages here name frames, style sheets and scripts on purpose.
const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});
afterAll(() => window.happyDOM.close());
const DOMParser = window.DOMParser;

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html') as unknown as Document;
}

/** The snapshot parsed again, as anyone opening the file would. */
function reparse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Everything in a parsed snapshot that could run, described; empty when nothing can. */
function executable(doc: Document): string[] {
  const found: string[] = [];
  const visit = (root: ParentNode) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const name = el.localName.toLowerCase();
      const type = el.getAttribute('type')?.toLowerCase();
      if (name === 'script' && type !== 'application/ld+json' && type !== 'application/json') found.push(`<${el.localName}>`);
      if (['noscript', 'object', 'embed', 'base'].includes(name)) found.push(`<${name}>`);
      if (name === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('meta refresh');
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.toLowerCase().startsWith('on')) found.push(`${name}[${attr.name}]`);
        if (attr.name === 'srcdoc') found.push(`${name}[srcdoc]`);
        if (/^\s*javascript:/i.test(attr.value.replace(/[\t\n\r]/g, ''))) found.push(`${name}[${attr.name}=${attr.value}]`);
      }
      if (name === 'template') visit((el as HTMLTemplateElement).content);
    }
  };
  visit(doc);
  return found;
}

describe('snapshotPageHtml', () => {
  it('starts with a doctype and keeps the page: text, structure, styles, links and images', () => {
    const doc = page(
      '<main class="posting"><h1>Data Engineer</h1><p>Pay: <b>$120,000</b> a year.</p><a href="/apply">Apply</a><img src="/logo.png" alt="Acme"></main>',
      '<title>Data Engineer at Acme</title><link rel="stylesheet" href="/site.css"><style>h1 { color: navy }</style>',
    );
    const html = snapshotPageHtml(doc);
    expect(html.startsWith('<!DOCTYPE html>\n<html>')).toBe(true);
    const back = reparse(html);
    expect(back.title).toBe('Data Engineer at Acme');
    expect(back.querySelector('main.posting h1')?.textContent).toBe('Data Engineer');
    expect(back.querySelector('p')?.textContent).toBe('Pay: $120,000 a year.');
    expect(back.querySelector('a')?.getAttribute('href')).toBe('/apply');
    expect(back.querySelector('img')?.getAttribute('src')).toBe('/logo.png');
    expect(back.querySelector('style')?.textContent).toBe('h1 { color: navy }');
    expect(back.querySelector('link')?.getAttribute('href')).toBe('/site.css');
  });

  it('does not change the page it reads', () => {
    const doc = page('<p onclick="track()">Hello</p><script>run()</script><input value="typed">', '<base href="/x/">');
    const before = doc.documentElement.outerHTML;
    snapshotPageHtml(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('removes scripts in any casing, and keeps the JSON-LD and JSON data blocks the readers need', () => {
    const doc = page(
      '<ScRiPt>steal()</sCrIpT><script type="module">x()</script><script src="https://cdn.example/app.js"></script>' +
        '<script type="text/javascript">y()</script><script type="text/template"><b>t</b></script>' +
        '<script type="importmap">{"imports":{"a":"/evil.js"}}</script><script type=" application/ld+json">{"spaced":1}</script>' +
        '<script>window.__appData = {"posting":{}};</script>' +
        '<script type="APPLICATION/LD+JSON" src="/ld.json">{"@type":"JobPosting","title":"Kept"}</script>' +
        '<script type="application/json" id="payload">{"job":{"title":"Kept too"}}</script>',
    );
    const html = snapshotPageHtml(doc);
    expect(html).not.toMatch(/steal|x\(\)|app\.js|y\(\)|text\/template|evil|spaced|__appData|ld\.json/);
    const back = reparse(html);
    expect(back.querySelectorAll('script')).toHaveLength(2);
    expect(back.querySelector('script')!.getAttribute('type')).toBe('APPLICATION/LD+JSON');
    expect(JSON.parse(back.querySelector('script')!.textContent!)).toEqual({ '@type': 'JobPosting', title: 'Kept' });
    expect(JSON.parse(back.getElementById('payload')!.textContent!)).toEqual({ job: { title: 'Kept too' } });
    expect(executable(back)).toEqual([]);
  });

  it('removes a script inside SVG and one made in another namespace, which would be read back as HTML', () => {
    const doc = page('<div id="art"></div>');
    const svg = doc.createElementNS(SVG, 'svg');
    const svgScript = doc.createElementNS(SVG, 'script');
    svgScript.textContent = 'alert(1)';
    const foreign = doc.createElementNS(SVG, 'foreignObject');
    const nested = doc.createElement('script');
    nested.textContent = 'alert(2)';
    foreign.append(nested);
    svg.append(svgScript, foreign);
    doc.getElementById('art')!.append(svg, doc.createElementNS(null, 'SCRIPT'));
    const html = snapshotPageHtml(doc);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert');
    expect(html).toContain('<svg');
  });

  it('removes inline event handlers on every element, SVG included, whatever their casing', () => {
    const doc = page('<body onload="a()"><p ONCLICK="b()" title="ok">x</p><img src="/i.png" onerror="c()"><details ontoggle="d()"></details></body>');
    const svg = doc.createElementNS(SVG, 'svg');
    svg.setAttribute('onload', 'e()');
    doc.body.append(svg);
    const html = snapshotPageHtml(doc);
    expect(html).not.toMatch(/\bon[a-z]+=/i);
    expect(html).not.toMatch(/[a-e]\(\)/);
    expect(reparse(html).querySelector('p')?.getAttribute('title')).toBe('ok');
  });

  it('removes javascript: URLs hidden with case, whitespace, control characters and entities, and keeps ordinary ones', () => {
    const doc = page(
      '<a id="a1" href="JavaScript:alert(1)">1</a>' +
        '<a id="a2" href="  \tjava&#x09;script:alert(2)">2</a>' +
        '<a id="a3" href="jav&#x0A;as&#13;cript&colon;alert(3)">3</a>' +
        '<a id="a4" href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(4)">4</a>' +
        '<a id="a5" href="&#x01;javascript:alert(5)">5</a>' +
        '<form id="f" action="javascript:alert(6)"><button id="b" formaction=" javascript:alert(7)">go</button></form>' +
        '<iframe id="i" src="vbscript:msgbox(8)"></iframe>' +
        '<a id="ok" href="https://example.com/javascript:notes">fine</a><a id="rel" href="/jobs?q=javascript">fine</a>',
    );
    const svg = doc.createElementNS(SVG, 'svg');
    const link = doc.createElementNS(SVG, 'a');
    link.setAttributeNS(XLINK, 'xlink:href', 'javascript:alert(9)');
    svg.append(link);
    doc.body.append(svg);

    const html = snapshotPageHtml(doc);
    expect(html).not.toMatch(/alert|msgbox/);
    const back = reparse(html);
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) expect(back.getElementById(id)?.hasAttribute('href')).toBe(false);
    expect(back.getElementById('f')?.hasAttribute('action')).toBe(false);
    expect(back.getElementById('b')?.hasAttribute('formaction')).toBe(false);
    expect(back.getElementById('ok')?.getAttribute('href')).toBe('https://example.com/javascript:notes');
    expect(back.getElementById('rel')?.getAttribute('href')).toBe('/jobs?q=javascript');
    expect(executable(back)).toEqual([]);
  });

  it('removes what embeds or redirects: srcdoc, data: frames, object, embed, noscript, base, meta refresh, SVG href animation', () => {
    const doc = page(
      '<iframe id="inline" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' +
        '<iframe id="data" src="data:text/html,&lt;script&gt;alert(2)&lt;/script&gt;"></iframe>' +
        '<iframe id="video" src="https://player.example/v/1"></iframe>' +
        '<object data="/x.swf"><param name="a" value="b"></object><embed src="/y.swf">' +
        '<noscript><img src="/pixel?noscript"></noscript>',
      '<base href="https://evil.example/"><meta http-equiv="Refresh" content="0; url=javascript:alert(3)"><meta charset="utf-8">',
    );
    const svg = doc.createElementNS(SVG, 'svg');
    const a = doc.createElementNS(SVG, 'a');
    const animate = doc.createElementNS(SVG, 'animate');
    animate.setAttribute('attributeName', 'href');
    animate.setAttribute('to', 'javascript:alert(4)');
    const set = doc.createElementNS(SVG, 'set');
    set.setAttribute('attributeName', 'xlink:href');
    set.setAttribute('to', 'javascript:alert(5)');
    a.append(animate, set);
    svg.append(a);
    doc.body.append(svg);

    const html = snapshotPageHtml(doc);
    expect(html).not.toMatch(/alert|swf|noscript|evil\.example|refresh/i);
    const back = reparse(html);
    expect(back.getElementById('inline')?.hasAttribute('srcdoc')).toBe(false);
    expect(back.getElementById('data')?.hasAttribute('src')).toBe(false);
    expect(back.getElementById('video')?.getAttribute('src')).toBe('https://player.example/v/1');
    expect(back.querySelector('meta[charset]')).not.toBeNull();
    expect(executable(back)).toEqual([]);
  });

  it('sanitises inside templates, whose content querySelectorAll does not reach', () => {
    const doc = page('<template id="t"><script>alert(1)</script><img src="/x.png" onerror="alert(2)"><p>kept</p></template>');
    const html = snapshotPageHtml(doc);
    expect(html).not.toContain('alert');
    const template = reparse(html).getElementById('t') as HTMLTemplateElement;
    expect(template.content.querySelector('p')?.textContent).toBe('kept');
  });

  it('writes nothing a script could have made to end an element early and start markup', () => {
    const doc = page('<p>x</p>');
    const ld = doc.createElement('script');
    ld.type = 'application/ld+json';
    ld.textContent = '{"@type":"JobPosting","title":"</script><script>alert(1)</script>"}';
    const style = doc.createElement('style');
    style.textContent = 'p{}</style><script>alert(2)</script>';
    const xmp = doc.createElement('xmp');
    xmp.textContent = '</xmp><script>alert(3)</script>';
    const frame = doc.createElement('iframe');
    frame.textContent = '</iframe><script>alert(4)</script>';
    doc.body.append(ld, style, xmp, frame, doc.createComment('--><script>alert(5)</script><!--'));

    const html = snapshotPageHtml(doc);
    expect(html).not.toMatch(/<script>alert/);
    const back = reparse(html);
    expect(executable(back)).toEqual([]);
    // The JSON-LD still says the same to a JSON parser.
    expect(JSON.parse(back.querySelector('script[type="application/ld+json"]')!.textContent!)).toEqual({
      '@type': 'JobPosting',
      title: '</script><script>alert(1)</script>',
    });
  });

  it('carries nothing a user typed: field values, text areas, editable regions; button labels stay', () => {
    const doc = page(
      '<form><input name="email" value="me@example.com"><input type="hidden" name="token" value="abc123">' +
        '<input type="password" value="hunter2"><textarea name="cover">Dear hiring manager</textarea>' +
        '<div contenteditable="true">My cover letter draft</div><div contenteditable="false">Fixed text</div>' +
        '<input type="submit" value="Submit application"></form>',
    );
    // What a user types lives in the field's value, not in the markup: typed here, it must not show up either.
    (doc.querySelector('input[name=email]') as HTMLInputElement).value = 'typed@example.com';
    const html = snapshotPageHtml(doc);
    expect(html).not.toMatch(/me@example|typed@example|abc123|hunter2|Dear hiring|cover letter draft/);
    expect(html).toContain('Fixed text');
    expect(html).toContain('value="Submit application"');
  });

  it('is not fooled by names that shadow the DOM: a form\'s controls, the document\'s images', () => {
    const doc = page(
      '<form id="f" onsubmit="alert(1)" action="javascript:alert(2)"><input name="attributes"><input name="localName"><input name="nodeType">' +
        '<input name="childNodes"><input name="remove"><!-- --><script>alert(3)</script></form><h1>Engineer</h1>',
    );
    // What a browser's named properties do (happy-dom has none): a form's control shadows the
    // form's built-in of that name, on the copy too. Set on the forms' own prototype, which a
    // DOM walked from <html> never passes through; taken away again below.
    const formProto = Object.getPrototypeOf(doc.getElementById('f')!) as object;
    const names = ['attributes', 'localName', 'nodeType', 'childNodes', 'remove'];
    for (const name of names) {
      Object.defineProperty(formProto, name, {
        get(this: Element) {
          return (window.Element.prototype as unknown as Element).querySelector.call(this, `[name="${name}"]`);
        },
        configurable: true,
      });
    }
    onTestFinished(() => {
      for (const name of names) delete (formProto as Record<string, unknown>)[name];
    });
    const decoy = doc.createElement('img');
    Object.defineProperty(doc, 'documentElement', { value: decoy, configurable: true });
    Object.defineProperty(doc, 'URL', { value: decoy, configurable: true });

    const html = snapshotPageHtml(doc);
    expect(html).toContain('<h1>Engineer</h1>');
    expect(html).not.toMatch(/alert|onsubmit|<!--/);
    expect(pageAddress(doc)).toBe('about:blank');
  });

  it('leaves out the elements it is told are ours, wherever they are', () => {
    const doc = page('<main><h1>Engineer</h1><span class="ours-inline">mark</span></main>');
    const host = doc.createElement('joblens-overlay');
    host.textContent = 'panel';
    doc.documentElement.append(host);
    const inline = doc.querySelector('.ours-inline')!;
    const html = snapshotPageHtml(doc, { omit: [host, inline] });
    expect(html).not.toMatch(/joblens-overlay|panel|ours-inline/);
    expect(html).toContain('<h1>Engineer</h1>');
    // The page still has them: only the copy lost them.
    expect(doc.querySelector('joblens-overlay')).toBe(host);
  });
});
