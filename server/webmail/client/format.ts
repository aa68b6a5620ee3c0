// Italian formatting of dates, sizes and people for the webmail views.
import type { Person } from './api';

const time = new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric' });
const longDate = new Intl.DateTimeFormat('it-IT', { dateStyle: 'full', timeStyle: 'short' });
const decimal = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** Short date for lists: the time today, day and month this year, the full date before. */
export function listDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (date.toDateString() === now.toDateString()) return time.format(date);
  if (date.getFullYear() === now.getFullYear()) return dayMonth.format(date);
  return fullDate.format(date);
}

export function readingDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : longDate.format(date);
}

export function bytes(value: number): string {
  const units = ['byte', 'KB', 'MB', 'GB', 'TB'];
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit++;
  }
  return `${decimal.format(amount)} ${units[unit]}`;
}

export function personLabel(person: Person | undefined): string {
  if (!person) return '';
  return person.name ? `${person.name} <${person.address}>` : person.address;
}

export function shortPerson(person: Person | undefined): string {
  return person ? person.name || person.address : '';
}

/** Plain text of an HTML body, parsed in an inert document: nothing runs, nothing loads. */
export function htmlToText(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  parsed.querySelectorAll('script, style, head, template').forEach((node) => node.remove());
  parsed.querySelectorAll('br').forEach((node) => node.replaceWith('\n'));
  parsed.querySelectorAll('p, div, tr, li, h1, h2, h3, h4, blockquote').forEach((node) => node.append('\n\n'));
  return (parsed.body?.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
