// Preloaded into electronegativity: it fetches translations over the network at start (with retries: ~10 s
// offline, twice per run). Its bundled English texts are all we need, so the download fails at once instead.
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithoutGot(request, parent, isMain) {
  if (request === 'got') return () => Promise.reject(new Error('offline: bundled translations are used'));
  return load.call(this, request, parent, isMain);
};
