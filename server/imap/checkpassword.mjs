// Dovecot's checkpassword program for the archive: reads "login\0password\0" from fd 3, asks the provider over its
// local socket, and on success runs Dovecot's reply program (argv after the socket) with fds 3/4 passed on.
// Exit codes follow the checkpassword protocol: 1 refused, 111 temporary failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

const [socketPath, replyProgram] = process.argv.slice(2);

function ask(body) {
  return new Promise((resolve) => {
    const req = http.request(
      { socketPath, path: '/login', method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end(JSON.stringify(body));
  });
}

async function main() {
  if (!socketPath || !replyProgram) return 111;
  let input;
  try {
    input = fs.readFileSync(3);
  } catch {
    return 111;
  }
  const [login = '', password = ''] = input.toString('utf8').split('\0');
  const status = await ask({ login, password, service: process.env.SERVICE ?? '' });
  if (status === 403) return 1;
  if (status !== 200) return 111;
  const reply = spawnSync(replyProgram, [], {
    stdio: ['ignore', 'inherit', 'inherit', 3, 4],
    env: { ...process.env, USER: login.trim().toLowerCase() },
  });
  return reply.status ?? 111;
}

main().then(
  (code) => process.exit(code),
  () => process.exit(111),
);
