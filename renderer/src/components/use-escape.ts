import { onBeforeUnmount, onMounted } from 'vue';

/** Closes a dialog with Escape, wherever the focus is. */
export function useEscape(close: () => void): void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
