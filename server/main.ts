// CLI entry point (`npm run provider`): resolves flags/env, starts the provider, prints the ready line, closes on signals.
import { startProvider } from './app';
import { resolveConfig } from './config';

async function main(): Promise<void> {
  const config = resolveConfig(process.argv.slice(2), process.env);
  const provider = await startProvider({
    port: config.port,
    smtpPort: config.smtpPort,
    dataDir: config.dataDir,
    host: config.host,
    seed: config.seed,
    seedSize: config.seedSize,
    testMode: config.testMode,
    publicOrigin: config.publicOrigin,
    imap: config.imap,
  });
  console.log(`archivio-provider listening ${provider.url} smtp ${config.host}:${provider.smtpPort}`);
  if (provider.imap) {
    console.log(
      `archivio-provider archive imaps ${config.host}:${provider.imap.imapsPort} smtps ${config.host}:${provider.imap.smtpsPort} cert ${provider.imap.certPath}`,
    );
  }
  const shutdown = (signal: string) => {
    console.error(`archivio-provider: ${signal}, closing`);
    provider.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`archivio-provider: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
