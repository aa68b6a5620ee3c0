// The invented correspondents of the seeded history: colleagues inside the demo domain and fictitious outside contacts.

export type Language = 'it' | 'en';
export type Audience = 'colleague' | 'supplier' | 'client' | 'partner' | 'service' | 'newsletter';

export interface Person {
  name: string;
  address: string;
  language: Language;
  audience: Audience;
  /** Company shown in signatures; colleagues share the owner's. */
  organization?: string;
  /** A team or service rather than a person: greeted without a first name. */
  generic?: boolean;
}

const colleagueLocalParts = ['mario.rossi', 'giulia.verdi', 'luca.neri', 'postmaster'] as const;

/** The other demo mailboxes of the domain (the owner excluded). */
export function colleaguesOf(ownerAddress: string, domain: string): Person[] {
  return colleagueLocalParts
    .map((local) => `${local}@${domain}`)
    .filter((address) => address.toLowerCase() !== ownerAddress.toLowerCase())
    .map((address) => ({
      name: displayNameFromLocalPart(address.split('@')[0] ?? address),
      address,
      language: 'it' as const,
      audience: 'colleague' as const,
      generic: address.startsWith('postmaster@'),
    }));
}

export function displayNameFromLocalPart(local: string): string {
  if (local === 'postmaster') return 'Postmaster';
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

export function firstName(person: { name: string }): string {
  return person.name.split(' ')[0] ?? person.name;
}

// Every name and domain below is invented; the domains use "esempio"/"example"-style names on purpose.
export const outsiders: readonly Person[] = [
  {
    name: 'Francesca Galli',
    address: 'f.galli@fornitore-esempio.it',
    language: 'it',
    audience: 'supplier',
    organization: 'Fornitore Esempio S.r.l.',
  },
  {
    name: 'Ufficio Ordini',
    address: 'ordini@fornitore-esempio.it',
    language: 'it',
    audience: 'supplier',
    organization: 'Fornitore Esempio S.r.l.',
    generic: true,
  },
  {
    name: 'Amministrazione Cartotecnica Lariana',
    address: 'amministrazione@cartotecnica-lariana-esempio.it',
    language: 'it',
    audience: 'supplier',
    organization: 'Cartotecnica Lariana S.p.A.',
    generic: true,
  },
  {
    name: 'Stefano Marchetti',
    address: 'stefano.marchetti@tipografia-esempio.it',
    language: 'it',
    audience: 'supplier',
    organization: 'Tipografia Esempio s.n.c.',
  },
  {
    name: 'Elena Fabbri',
    address: 'elena.fabbri@studio-fabbri-esempio.it',
    language: 'it',
    audience: 'service',
    organization: 'Studio Fabbri Commercialisti Associati',
  },
  { name: 'Paolo Ferraro', address: 'p.ferraro@clientedemo.it', language: 'it', audience: 'client', organization: 'Cliente Demo S.r.l.' },
  { name: 'Chiara Lombardi', address: 'chiara.lombardi@hotel-esempio.it', language: 'it', audience: 'client', organization: 'Hotel Esempio Riviera' },
  { name: 'Davide Costa', address: 'davide.costa@edilcosta-esempio.it', language: 'it', audience: 'client', organization: 'Edil Costa Esempio' },
  {
    name: 'Assistenza Tecnica',
    address: 'assistenza@informatica-esempio.it',
    language: 'it',
    audience: 'service',
    organization: 'Informatica Esempio S.r.l.',
    generic: true,
  },
  {
    name: 'Spedizioni Veloci Esempio',
    address: 'notifiche@spedizioni-esempio.it',
    language: 'it',
    audience: 'service',
    organization: 'Spedizioni Veloci Esempio',
    generic: true,
  },
  {
    name: 'Sarah Whitfield',
    address: 'sarah.whitfield@northwind-example.co.uk',
    language: 'en',
    audience: 'supplier',
    organization: 'Northwind Supplies Ltd',
  },
  { name: 'James Harlow', address: 'j.harlow@bluepeak-example.com', language: 'en', audience: 'partner', organization: 'Bluepeak Consulting' },
  { name: 'Anna Keller', address: 'anna.keller@alpentech-example.de', language: 'en', audience: 'client', organization: 'Alpentech GmbH' },
  {
    name: 'Events Team',
    address: 'events@tradefair-example.com',
    language: 'en',
    audience: 'partner',
    organization: 'Milano Trade Fair (example)',
    generic: true,
  },
  {
    name: 'Notizie Ufficio Esempio',
    address: 'newsletter@newsletter.example.com',
    language: 'it',
    audience: 'newsletter',
    organization: 'Ufficio Esempio Store',
    generic: true,
  },
  {
    name: 'Cloud Weekly',
    address: 'digest@newsletter.example.com',
    language: 'en',
    audience: 'newsletter',
    organization: 'Cloud Weekly',
    generic: true,
  },
];

/** The sender of the hostile test messages (phishing-style markup). */
export const suspiciousSender: Person = {
  name: 'Servizio Clienti',
  address: 'sicurezza@verifica-account-esempio.com',
  language: 'it',
  audience: 'service',
  organization: 'Verifica Account',
  generic: true,
};
