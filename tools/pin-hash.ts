/**
 * `npm run pin-hash`: reads a four-digit release code from standard input (not from the command line, so that it
 * stays out of shell history) and prints the salted hash to put in the config's `pin.hash`.
 *
 *   printf '4711' | npm run --silent pin-hash
 */
import { hashPin } from '../lambda/src/domain/pin-guard';

async function main(): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const pin = Buffer.concat(chunks).toString('utf8').trim();
  if (!/^\d{4}$/.test(pin)) {
    console.error('pin-hash: give exactly four digits on standard input, e.g. printf 4711 | npm run --silent pin-hash');
    return 2;
  }
  console.log(hashPin(pin));
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
