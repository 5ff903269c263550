// Entry point of the built `coldstart` executable (dist-cli/coldstart.cjs).
import { main } from './coldstart';

// The SDK's own multi-line notice about future Node versions is not for the users of this command; the
// package's `engines` field is where the supported Node version is stated.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  if (interrupts === 1) {
    process.stderr.write('\nCancelling: restoring functions first (press Ctrl-C again to force quit)...\n');
    controller.abort();
  } else {
    process.exit(130);
  }
});
process.on('SIGTERM', () => controller.abort());

main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`coldstart: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
