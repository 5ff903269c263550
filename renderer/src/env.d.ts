/// <reference types="vite/client" />
import type { ColdstartApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** The preload's API; the only door to the main process. */
    coldstart: ColdstartApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

export {};
