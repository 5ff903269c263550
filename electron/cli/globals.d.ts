/** Injected by build/build-cli.mjs from package.json. */
declare const __COLDSTART_VERSION__: string;
