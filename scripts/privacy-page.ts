// docs/privacy.md as the extension's own page (privacy.html), so the notice a user reads is the one in the repo.
// A small Markdown subset is enough for it: headings, paragraphs, one level of nested lists, **bold**, `code`, and
// `<!-- lang: xx -->` to start a section in another language.

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

interface Item {
  text: string;
  children: string[];
}

export function privacyPageBody(markdown: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: Item[] | null = null;
  let inSection = false;

  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list) {
      const items = list.map(
        (item) =>
          `<li>${inline(item.text)}${item.children.length ? `<ul>${item.children.map((child) => `<li>${inline(child)}</li>`).join('')}</ul>` : ''}</li>`,
      );
      out.push(`<ul>${items.join('')}</ul>`);
    }
    list = null;
  };

  for (const line of markdown.split('\n')) {
    const language = /^<!--\s*lang:\s*([a-z]{2})\s*-->$/.exec(line.trim());
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    const item = /^- (.*)$/.exec(line);
    const child = /^ {2}- (.*)$/.exec(line);
    if (language) {
      flush();
      if (inSection) out.push('</section>');
      out.push(`<section lang="${language[1]}">`);
      inSection = true;
    } else if (heading) {
      flush();
      out.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
    } else if (item) {
      if (paragraph.length) flush();
      (list ??= []).push({ text: item[1]!, children: [] });
    } else if (child && list?.length) {
      list.at(-1)!.children.push(child[1]!);
    } else if (line.trim() === '') {
      flush();
    } else if (list?.length && /^ {2,}\S/.test(line)) {
      // A list item's text continued on the next line.
      const last = list.at(-1)!;
      if (last.children.length && /^ {4}\S/.test(line)) last.children[last.children.length - 1] += ` ${line.trim()}`;
      else last.text += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  if (inSection) out.push('</section>');
  return out.join('\n');
}

export function privacyPage(markdown: string): string {
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? 'Privacy';
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
:root { color-scheme: light dark; font: 16px/1.55 system-ui, sans-serif; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
section + section { margin-top: 3rem; border-top: 1px solid color-mix(in srgb, currentColor 25%, transparent); }
code { font-size: 0.9em; }
li { margin: 0.35rem 0; }
</style>
</head>
<body>
${privacyPageBody(markdown)}
</body>
</html>
`;
}
