import { ref } from 'vue';

// PLACEHOLDER until the ui branch's App.vue navigation is merged.
export type ViewName = 'analyse' | 'measure' | 'fetch' | 'history';
export const requestedView = ref<ViewName | null>(null);

export function showView(view: ViewName): void {
  requestedView.value = view;
}
