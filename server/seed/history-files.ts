// Generates small but valid attachment files (PDF, PNG, CSV, plain text) for the seeded mail history.
import { crc32, deflateSync } from 'node:zlib';
import type { Random } from './history-random';

export interface GeneratedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A minimal single-font PDF; `pages` is a list of pages, each a list of text lines. */
export function makePdf(title: string, pages: string[][]): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font, 4 info; then (page, contents) pairs.
  let nextId = 5;
  const pageObjects: Array<[number, string]> = [];
  for (const lines of pages) {
    const pageId = nextId++;
    const contentId = nextId++;
    pageIds.push(pageId);
    const stream = ['BT', '/F1 11 Tf', '14 TL', '56 790 Td']
      .concat(lines.map((line) => `(${pdfString(line)}) '`))
      .concat('ET')
      .join('\n');
    pageObjects.push([
      pageId,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`,
    ]);
    pageObjects.push([contentId, `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`]);
  }
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${pdfString(title)}) /Producer (Archivio demo) >>`;
  for (const [id, body] of pageObjects) objects[id] = body;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// WinAnsi covers the Italian accented letters; anything else degrades to '?'.
function pdfString(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    const safe = code === 0x20ac ? '\x80' : code < 256 ? char : '?';
    out += safe === '(' || safe === ')' || safe === '\\' ? `\\${safe}` : safe;
  }
  return out;
}

/** A truecolour PNG whose pixels come from `paint(x, y)` → [r, g, b]. */
export function makePng(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let at = 0;
  for (let y = 0; y < height; y++) {
    raw[at++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      raw[at++] = r;
      raw[at++] = g;
      raw[at++] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0, 0);
  return Buffer.concat([length, typed, crc]);
}

/** A bar chart: compresses to a couple of KB. */
export function chartPng(rnd: Random): Buffer {
  const bars = Array.from({ length: 8 }, () => rnd.int(15, 95));
  const [width, height] = [240, 120];
  return makePng(width, height, (x, y) => {
    const bar = Math.floor(x / 30);
    const inBar = x % 30 > 4 && x % 30 < 26;
    const value = bars[bar] ?? 0;
    if (inBar && height - y < value) return [11, 92, 173];
    return y % 20 === 0 ? [220, 226, 235] : [255, 255, 255];
  });
}

/** A noisy "photo": noise barely compresses, so this lands at roughly 100-300 KB. */
export function photoPng(rnd: Random): Buffer {
  const size = rnd.int(190, 310);
  const [baseR, baseG, baseB] = [rnd.int(60, 200), rnd.int(60, 200), rnd.int(60, 200)];
  return makePng(size, size, (x, y) => {
    const shade = Math.floor((x + y) / 6);
    return [(baseR + shade + rnd.int(0, 40)) & 0xff, (baseG + shade + rnd.int(0, 40)) & 0xff, (baseB - shade + rnd.int(0, 40)) & 0xff];
  });
}

const products = [
  ['CART-A4-80', 'Carta A4 80 g/m² (risma 500 fogli)', 4.2],
  ['TON-HP-305', 'Toner nero compatibile', 38.5],
  ['CAV-USBC-2', 'Cavo USB-C 2 m', 7.9],
  ['SED-ERG-01', 'Sedia ergonomica da ufficio', 149],
  ['MON-27-QHD', 'Monitor 27" QHD', 259],
  ['RAC-ARCH-5', 'Raccoglitore ad anelli dorso 5 cm', 2.35],
  ['PEN-GEL-BL', 'Penna gel blu (conf. 12)', 9.6],
  ['HDD-EXT-2T', 'Disco esterno 2 TB', 84.9],
] as const;

/** An order or price-list CSV in the Italian spreadsheet dialect (semicolons, decimal comma). */
export function orderCsv(rnd: Random, rows: number): Buffer {
  const lines = ['Codice;Descrizione;Quantità;Prezzo unitario;Totale'];
  for (let i = 0; i < rows; i++) {
    const [code, description, price] = rnd.pick(products);
    const quantity = rnd.int(1, 40);
    lines.push(`${code};${description};${quantity};${euro(price)};${euro(price * quantity)}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

export function euro(value: number): string {
  return value.toFixed(2).replace('.', ',');
}

/** An invoice PDF; `long` turns it into a many-page statement of about 100-250 KB. */
export function invoicePdf(rnd: Random, company: string, number: string, date: Date, long: boolean): Buffer {
  const header = [
    company,
    "Via dell'Esempio 12, 00100 Roma - P.IVA 01234567890",
    '',
    `Fattura n. ${number}`,
    `Data: ${date.toISOString().slice(0, 10)}`,
    '',
  ];
  const rowsPerPage = 50;
  const rowCount = long ? rnd.int(1600, 3600) : rnd.int(3, 12);
  const rows: string[] = [];
  let total = 0;
  for (let i = 0; i < rowCount; i++) {
    const [code, description, price] = rnd.pick(products);
    const quantity = rnd.int(1, 20);
    total += price * quantity;
    rows.push(`${String(i + 1).padStart(4, ' ')}  ${code}  ${description}  x${quantity}  € ${euro(price * quantity)}`);
  }
  const pages: string[][] = [];
  for (let at = 0; at < rows.length; at += rowsPerPage) {
    pages.push((at === 0 ? header : [`${company} - Fattura n. ${number} (segue)`, '']).concat(rows.slice(at, at + rowsPerPage)));
  }
  const last = pages[pages.length - 1] ?? [];
  last.push('', `Imponibile € ${euro(total)}`, `IVA 22% € ${euro(total * 0.22)}`, `Totale € ${euro(total * 1.22)}`);
  return makePdf(`Fattura ${number}`, pages);
}

/** A short text document (minutes, notes), one paragraph per line block. */
export function textDocument(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
