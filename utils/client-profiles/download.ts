// Saves a generated file from an extension page: a Blob, an object URL and a download link, all local.

export function saveFile(filename: string, content: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the URL by now; give it a moment before letting the Blob go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
