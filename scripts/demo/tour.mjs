// Printing helpers for the demo tour: numbered steps, aligned facts, quiet colour on a terminal.
const tty = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
export const bold = (text) => (tty ? `\x1b[1m${text}\x1b[0m` : text);
export const dim = (text) => (tty ? `\x1b[2m${text}\x1b[0m` : text);
export const color = tty;

let stepNumber = 0;
export function step(title) {
  console.log(`\n${bold(`${++stepNumber}. ${title}`)}`);
}

export function show(label, value) {
  console.log(`   ${label.padEnd(16)} ${value}`);
}

export function section(title) {
  console.log(`\n${bold(`── ${title} ${"─".repeat(Math.max(0, 60 - title.length))}`)}`);
}

export const text = (result) =>
  result.content
    .filter((block) => block.type === "text")
    .map((block) => block.text)
    .join(" ");
