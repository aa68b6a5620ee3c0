// Small inline icons (no emoji: not every system has a font for them).

export function PaperclipIcon({ class: className = 'icon' }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
      <path
        d="M10.5 4.5 5.4 9.6a1.4 1.4 0 0 0 2 2l5.3-5.3a2.6 2.6 0 0 0-3.7-3.7L3.6 8a3.8 3.8 0 0 0 5.4 5.4l4.2-4.2"
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
      />
    </svg>
  );
}
