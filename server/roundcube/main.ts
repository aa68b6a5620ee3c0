// CLI entry point for Roundcube beside a running reference provider (`npm run demo -- --webmail roundcube` uses it):
// flags --port (8788), --imaps-port (8993), --smtp-port (2525), --dir (a new temp folder); prints the ready line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startRoundcube } from './roundcube';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.ROUNDCUBE_PORT ?? '8788' },
      'imaps-port': { type: 'string', default: process.env.IMAPS_PORT ?? '8993' },
      'smtp-port': { type: 'string', default: process.env.SMTP_PORT ?? '2525' },
      dir: { type: 'string' },
      language: { type: 'string', default: 'it_IT' },
    },
  });
  const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'archivio-roundcube-'));
  const roundcube = await startRoundcube({
    dir,
    port: Number(values.port),
    imapsPort: Number(values['imaps-port']),
    smtpPort: Number(values['smtp-port']),
    language: values.language,
  });
  console.log(`archivio-roundcube listening ${roundcube.url} dir ${dir}`);
  const shutdown = () => {
    roundcube.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
