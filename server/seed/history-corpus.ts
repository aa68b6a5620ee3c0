// What the seeded messages say: conversation topics in Italian and English, with their attachments and replies.
import { chartPng, invoicePdf, makePdf, orderCsv, photoPng, textDocument, type GeneratedFile } from './history-files';
import type { Audience, Language, Person } from './history-people';
import type { Random } from './history-random';

export type BodyStyle = 'plain' | 'html' | 'newsletter';

export interface Draft {
  subject: string;
  paragraphs: string[];
  attachments: GeneratedFile[];
  style: BodyStyle;
}

export interface TopicContext {
  rnd: Random;
  from: Person;
  to: Person;
  date: Date;
}

export interface Topic {
  id: string;
  language: Language;
  audiences: readonly Audience[];
  /** Who opens the conversation: the outside party ('in'), the owner ('out') or either. */
  opener: 'in' | 'out' | 'any';
  /** Whether replies may follow. */
  threadable: boolean;
  /** Extra filter on the counterpart (e.g. only the postmaster announces maintenance). */
  only?: (counterpart: Person) => boolean;
  write(ctx: TopicContext): Draft;
}

const itMonths = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const itDays = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì'];
const enDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const itProducts = [
  'carta per stampanti',
  'toner per le multifunzione',
  'sedie ergonomiche',
  'monitor da 27 pollici',
  'raccoglitori ad anelli',
  'dischi esterni per i backup',
];
const enProducts = ['office chairs', 'network switches', 'printer toner', 'standing desks', 'laptop docking stations'];
const projects = ['Nuovo magazzino', 'Sito web 2.0', 'Catalogo primavera', 'Migrazione server', 'Fiera di Bologna'];
const enProjects = ['Warehouse revamp', 'Website relaunch', 'Spring catalogue', 'ERP rollout'];
const places = ['via Garibaldi', 'piazza Duomo', 'corso Italia', 'zona industriale nord'];

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const itDate = (date: Date): string => `${date.getUTCDate()} ${itMonths[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
const laterDate = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);
const orderNumber = (rnd: Random, date: Date): string => `${rnd.int(100, 980)}/${date.getUTCFullYear()}`;

function pdfDocument(title: string, lines: string[], filename: string): GeneratedFile {
  return { filename, contentType: 'application/pdf', content: makePdf(title, [[title, '', ...lines]]) };
}

export const topics: readonly Topic[] = [
  {
    id: 'preventivo',
    language: 'it',
    audiences: ['supplier'],
    opener: 'out',
    threadable: true,
    write: ({ rnd, date }) => {
      const product = rnd.pick(itProducts);
      const attachments = rnd.chance(0.4)
        ? [{ filename: 'elenco-articoli.csv', contentType: 'text/csv', content: orderCsv(rnd, rnd.int(8, 30)) }]
        : [];
      return {
        subject: `Richiesta preventivo: ${product}`,
        paragraphs: [
          `vi scrivo per chiedere un preventivo per la fornitura di ${rnd.int(5, 60)} unità di ${product}, con consegna presso la nostra sede entro il ${itDate(laterDate(date, 21))}.`,
          'Se possibile indicateci anche i tempi di consegna e le condizioni di pagamento.',
          ...(attachments.length ? ["In allegato trovate l'elenco degli articoli con le quantità."] : []),
        ],
        attachments,
        style: rnd.chance(0.5) ? 'html' : 'plain',
      };
    },
  },
  {
    id: 'offerta',
    language: 'it',
    audiences: ['supplier'],
    opener: 'in',
    threadable: true,
    write: ({ rnd, date, from }) => {
      const number = orderNumber(rnd, date);
      return {
        subject: `Offerta n. ${number} - ${rnd.pick(itProducts)}`,
        paragraphs: [
          'come da accordi telefonici vi inviamo la nostra migliore offerta.',
          `I prezzi sono validi fino al ${itDate(laterDate(date, 30))}, trasporto incluso per ordini superiori a 300 euro.`,
          'Restiamo a disposizione per qualsiasi chiarimento.',
        ],
        attachments: [
          pdfDocument(
            `Offerta ${number}`,
            [from.organization ?? from.name, 'Validità 30 giorni', 'Condizioni: bonifico a 30 giorni data fattura'],
            `offerta-${number.replace('/', '-')}.pdf`,
          ),
        ],
        style: 'html',
      };
    },
  },
  {
    id: 'fattura',
    language: 'it',
    audiences: ['supplier', 'service'],
    opener: 'in',
    threadable: true,
    write: ({ rnd, date, from }) => {
      const number = orderNumber(rnd, date);
      const long = rnd.chance(0.12);
      return {
        subject: `Fattura n. ${number} - ${from.organization ?? from.name}`,
        paragraphs: [
          `in allegato la fattura n. ${number} relativa ${long ? 'agli ordini del trimestre' : "all'ultimo ordine"}.`,
          `Il pagamento è previsto entro il ${itDate(laterDate(date, 30))} tramite bonifico bancario.`,
        ],
        attachments: [
          {
            filename: `fattura-${number.replace('/', '-')}.pdf`,
            contentType: 'application/pdf',
            content: invoicePdf(rnd, from.organization ?? from.name, number, date, long),
          },
        ],
        style: rnd.chance(0.4) ? 'html' : 'plain',
      };
    },
  },
  {
    id: 'conferma-ordine',
    language: 'it',
    audiences: ['supplier'],
    opener: 'in',
    threadable: true,
    write: ({ rnd, date }) => {
      const number = orderNumber(rnd, date);
      return {
        subject: `Conferma ordine n. ${number}`,
        paragraphs: [
          `confermiamo la ricezione del vostro ordine n. ${number}.`,
          `La consegna è prevista per ${rnd.pick(itDays)} ${itDate(laterDate(date, rnd.int(3, 10)))}. Il dettaglio delle righe è nel file allegato.`,
        ],
        attachments: [{ filename: `ordine-${number.replace('/', '-')}.csv`, contentType: 'text/csv', content: orderCsv(rnd, rnd.int(4, 25)) }],
        style: 'plain',
      };
    },
  },
  {
    id: 'spedizione',
    language: 'it',
    audiences: ['service'],
    opener: 'in',
    threadable: false,
    only: (person) => person.address.startsWith('notifiche@'),
    write: ({ rnd }) => {
      const tracking = `SV${rnd.int(10_000_000, 99_999_999)}IT`;
      return {
        subject: `La tua spedizione ${tracking} è in consegna`,
        paragraphs: [
          `la spedizione ${tracking} è stata affidata al corriere e sarà consegnata oggi.`,
          'Puoi seguire la consegna dalla tua area clienti. Questo è un messaggio automatico: non rispondere.',
        ],
        attachments: [],
        style: 'html',
      };
    },
  },
  {
    id: 'riunione',
    language: 'it',
    audiences: ['colleague', 'client'],
    opener: 'any',
    threadable: true,
    write: ({ rnd }) => ({
      subject: `Riunione di avanzamento "${rnd.pick(projects)}" - ${rnd.pick(itDays)} ore ${rnd.int(9, 17)}:${rnd.pick(['00', '30'])}`,
      paragraphs: [
        'propongo di vederci per fare il punto sullo stato delle attività.',
        'Ordine del giorno: avanzamento lavori, budget residuo, prossime scadenze.',
        "Fammi sapere se l'orario va bene, altrimenti troviamo un'alternativa.",
      ],
      attachments: [],
      style: rnd.chance(0.3) ? 'html' : 'plain',
    }),
  },
  {
    id: 'verbale',
    language: 'it',
    audiences: ['colleague'],
    opener: 'any',
    threadable: true,
    write: ({ rnd, date }) => {
      const project = rnd.pick(projects);
      const notes = [
        `Verbale riunione "${project}" del ${itDate(date)}`,
        '',
        'Presenti: Mario, Giulia, Luca',
        '',
        '1. Stato lavori: in linea con il piano.',
        '2. Budget: confermato lo stanziamento.',
        `3. Prossimi passi: consegna della bozza entro ${itDate(laterDate(date, 14))}.`,
      ];
      return {
        subject: `Verbale riunione del ${itDate(date)}`,
        paragraphs: ['ti giro il verbale della riunione di oggi, controlla che non manchi nulla.'],
        attachments: [{ filename: `verbale-${isoDay(date)}.txt`, contentType: 'text/plain; charset=utf-8', content: textDocument(notes) }],
        style: 'plain',
      };
    },
  },
  {
    id: 'report',
    language: 'it',
    audiences: ['colleague'],
    opener: 'any',
    threadable: true,
    write: ({ rnd, date }) => ({
      subject: `Report vendite ${itMonths[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
      paragraphs: [
        'in allegato il report mensile con il grafico delle vendite per area e il dettaglio in CSV.',
        'Rispetto al mese precedente vedo una crescita nel nord-est, ne parliamo alla prossima riunione.',
      ],
      attachments: [
        { filename: 'grafico-vendite.png', contentType: 'image/png', content: chartPng(rnd) },
        { filename: `vendite-${isoDay(date).slice(0, 7)}.csv`, contentType: 'text/csv', content: orderCsv(rnd, rnd.int(20, 60)) },
      ],
      style: 'html',
    }),
  },
  {
    id: 'ferie',
    language: 'it',
    audiences: ['colleague'],
    opener: 'any',
    threadable: true,
    write: ({ rnd, date }) => ({
      subject: `Piano ferie ${itMonths[(date.getUTCMonth() + 2) % 12]}`,
      paragraphs: [
        'sto preparando il piano ferie del reparto.',
        `Mi indichi entro ${rnd.pick(itDays)} i giorni che vorresti prendere? Cerchiamo di garantire sempre almeno due persone in ufficio.`,
      ],
      attachments: [],
      style: 'plain',
    }),
  },
  {
    id: 'manutenzione',
    language: 'it',
    audiences: ['colleague'],
    opener: 'in',
    threadable: false,
    only: (person) => person.address.startsWith('postmaster@'),
    write: ({ rnd, date }) => ({
      subject: 'Manutenzione programmata del servizio di posta',
      paragraphs: [
        `${rnd.pick(itDays)} ${itDate(laterDate(date, 3))} dalle 22:00 alle 23:30 il servizio di posta sarà in manutenzione.`,
        "Durante l'intervento la webmail potrebbe non essere raggiungibile; i messaggi in arrivo verranno recapitati al termine.",
      ],
      attachments: [],
      style: 'html',
    }),
  },
  {
    id: 'sopralluogo',
    language: 'it',
    audiences: ['client'],
    opener: 'any',
    threadable: true,
    write: ({ rnd }) => {
      const place = rnd.pick(places);
      const photos = rnd.int(1, 2);
      return {
        subject: `Foto del sopralluogo in ${place}`,
        paragraphs: [`ecco le foto scattate durante il sopralluogo in ${place}.`, 'Fammi sapere se servono altri dettagli per il preventivo.'],
        attachments: Array.from({ length: photos }, (_, index) => ({
          filename: `sopralluogo-${slug(place)}-${index + 1}.png`,
          contentType: 'image/png',
          content: photoPng(rnd),
        })),
        style: 'plain',
      };
    },
  },
  {
    id: 'scadenza',
    language: 'it',
    audiences: ['service'],
    opener: 'in',
    threadable: true,
    only: (person) => person.address.includes('studio-'),
    write: ({ rnd, date }) => ({
      subject: `Promemoria: scadenza ${rnd.pick(['F24', 'IVA trimestrale', 'dichiarazione dei redditi'])} del ${itDate(laterDate(date, 10))}`,
      paragraphs: ['vi ricordiamo la scadenza in oggetto.', 'Per procedere ci servono gli estratti conto del periodo entro la fine della settimana.'],
      attachments: [],
      style: 'plain',
    }),
  },
  {
    id: 'assistenza',
    language: 'it',
    audiences: ['service'],
    opener: 'out',
    threadable: true,
    only: (person) => person.address.startsWith('assistenza@'),
    write: ({ rnd }) => ({
      subject: `Ticket #${rnd.int(10_000, 99_999)}: ${rnd.pick(['stampante di rete non raggiungibile', 'VPN lenta', 'backup notturno non completato'])}`,
      paragraphs: ['da questa mattina riscontriamo il problema indicato in oggetto.', 'Potete contattarmi per una sessione di assistenza remota?'],
      attachments: [],
      style: 'plain',
    }),
  },
  {
    id: 'richiesta-cliente',
    language: 'it',
    audiences: ['client'],
    opener: 'in',
    threadable: true,
    write: ({ rnd }) => ({
      subject: `Richiesta informazioni su ${rnd.pick(itProducts)}`,
      paragraphs: [
        'vorremmo qualche informazione sui prodotti in oggetto: disponibilità, tempi e listino aggiornato.',
        'Grazie in anticipo per la risposta.',
      ],
      attachments: [],
      style: rnd.chance(0.5) ? 'html' : 'plain',
    }),
  },
  {
    id: 'newsletter-it',
    language: 'it',
    audiences: ['newsletter'],
    opener: 'in',
    threadable: false,
    write: ({ date }) => ({
      subject: `Le novità di ${itMonths[date.getUTCMonth()]}: offerte per il tuo ufficio`,
      paragraphs: [
        "Scopri le offerte del mese su carta, toner e arredo per l'ufficio.",
        'Sconto del 15% sugli ordini superiori a 200 euro fino a fine mese.',
      ],
      attachments: [],
      style: 'newsletter',
    }),
  },
  {
    id: 'quote',
    language: 'en',
    audiences: ['supplier'],
    opener: 'out',
    threadable: true,
    write: ({ rnd, date }) => ({
      subject: `Quote request: ${rnd.pick(enProducts)}`,
      paragraphs: [
        `we would like a quote for ${rnd.int(5, 80)} units, delivered to our office in Italy by ${isoDay(laterDate(date, 30))}.`,
        'Please include shipping costs and payment terms.',
      ],
      attachments: [],
      style: rnd.chance(0.5) ? 'html' : 'plain',
    }),
  },
  {
    id: 'invoice',
    language: 'en',
    audiences: ['supplier'],
    opener: 'in',
    threadable: true,
    write: ({ rnd, date, from }) => {
      const number = `INV-${date.getUTCFullYear()}-${rnd.int(1000, 9999)}`;
      return {
        subject: `Invoice ${number} from ${from.organization ?? from.name}`,
        paragraphs: [`please find attached invoice ${number} for your latest order.`, 'Payment is due within 30 days. Thank you for your business.'],
        attachments: [
          {
            filename: `${number}.pdf`,
            contentType: 'application/pdf',
            content: invoicePdf(rnd, from.organization ?? from.name, number, date, rnd.chance(0.1)),
          },
        ],
        style: 'html',
      };
    },
  },
  {
    id: 'call',
    language: 'en',
    audiences: ['partner', 'client'],
    opener: 'any',
    threadable: true,
    write: ({ rnd }) => ({
      subject: `Call on ${rnd.pick(enDays)} about ${rnd.pick(enProjects)}`,
      paragraphs: [
        'could we schedule a short call to go through the open points?',
        `I am free on ${rnd.pick(enDays)} between 10:00 and 12:00 (CET).`,
      ],
      attachments: [],
      style: 'plain',
    }),
  },
  {
    id: 'proposal',
    language: 'en',
    audiences: ['partner'],
    opener: 'in',
    threadable: true,
    write: ({ rnd, from }) => {
      const project = rnd.pick(enProjects);
      return {
        subject: `Proposal - ${project}`,
        paragraphs: ['as discussed, attached is our proposal with scope, timeline and budget.', 'Happy to walk you through it whenever suits you.'],
        attachments: [
          pdfDocument(
            `Proposal: ${project}`,
            [from.organization ?? from.name, 'Scope: analysis, design, rollout', 'Timeline: 12 weeks', 'Budget: see section 4'],
            `proposal-${slug(project)}.pdf`,
          ),
        ],
        style: 'html',
      };
    },
  },
  {
    id: 'feedback',
    language: 'en',
    audiences: ['client'],
    opener: 'in',
    threadable: true,
    write: () => ({
      subject: 'Feedback on the last delivery',
      paragraphs: ['the goods arrived yesterday, all in good condition.', 'Two boxes were missing the packing list, could you send it again?'],
      attachments: [],
      style: 'plain',
    }),
  },
  {
    id: 'newsletter-en',
    language: 'en',
    audiences: ['newsletter'],
    opener: 'in',
    threadable: false,
    write: ({ rnd }) => ({
      subject: `Cloud Weekly #${rnd.int(100, 400)}: backups, quotas and mail archiving`,
      paragraphs: [
        'This week: why a mail archive is not a backup, and how to size your mailbox quotas.',
        'Plus: five tips to keep your inbox under control.',
      ],
      attachments: [],
      style: 'newsletter',
    }),
  },
];

/** Short replies; "{day}" is replaced with a weekday of the reply's language. */
export const replies: Record<Language, readonly string[]> = {
  it: [
    'grazie, ricevuto.',
    'perfetto, confermo quanto indicato.',
    'per me va bene, ci sentiamo {day}.',
    "ho girato la richiesta all'amministrazione, ti aggiorno appena possibile.",
    'potete inviarci anche la versione aggiornata del documento?',
    'ok, procediamo pure.',
    'scusa il ritardo: confermo la disponibilità per {day} mattina.',
    'ci sono un paio di punti da chiarire, ti chiamo {day}.',
  ],
  en: [
    'thanks, received.',
    'sounds good, let us go ahead.',
    'works for me, talk on {day}.',
    'could you send the updated version of the document?',
    'sorry for the late reply: {day} morning is fine.',
    'I have forwarded this to our accounts team and will get back to you shortly.',
  ],
};

export function replyText(rnd: Random, language: Language): string {
  const days = language === 'it' ? itDays : enDays;
  return rnd.pick(replies[language]).replace('{day}', rnd.pick(days));
}

export function formatQuoteDate(date: Date, language: Language): string {
  const time = date.toISOString().slice(11, 16);
  return language === 'it' ? `${itDate(date)} alle ${time}` : `${isoDay(date)} at ${time}`;
}
