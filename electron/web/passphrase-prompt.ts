import { createInterface } from 'node:readline';

let pipedLines: AsyncIterator<string> | null = null;

/**
 * Reads a passphrase from the terminal without showing it (never from the command line, where `ps`
 * shows it); from a pipe (a service manager, a test), one line.
 */
export function askPassphrase(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  output.write(prompt);
  if (!input.isTTY) {
    // One reader for every question: a pipe may bring all the lines in one chunk.
    pipedLines ??= createInterface({ input, terminal: false })[Symbol.asyncIterator]();
    return pipedLines.next().then((line) => (line.done ? '' : String(line.value)));
  }
  return new Promise((resolve) => {
    let typed = '';
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          output.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          output.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.on('data', onData);
  });
}
