import { createInterface } from 'node:readline/promises';

/**
 * Browser mode's way back when the office server cannot be opened at start (the window cannot ask
 * yet): the question on the terminal that started it. Only asked on a terminal; a start without
 * one stops with the reason, as before.
 */
export async function askLocalOnTerminal(reason: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await terminal.question(
      `The base on the office server cannot be opened:\n${reason}\n` +
        `Open this computer's base instead? What you enter there is not seen by the other clerks. [y/N] `,
    );
    return /^(y|yes|д|да|o|oui)$/i.test(answer.trim());
  } finally {
    terminal.close();
  }
}
