/**
 * <message-filter>: a filter box over the list of error messages. The list is complete without
 * JavaScript (the box stays hidden then); with it, typing words or a code hides the messages that
 * do not contain them. Codes match in every spelling a reader pastes: 0x80070035 or 80070035.
 */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\b0x(?=[0-9a-f]{8}\b)/g, '');

class MessageFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLElement>('.filter');
    const input = this.querySelector<HTMLInputElement>('input');
    const status = this.querySelector<HTMLElement>('[data-count]');
    const items = [...this.querySelectorAll<HTMLLIElement>('.list > li')].map((li) => ({
      li,
      text: normalise(li.textContent ?? ''),
    }));
    if (!form || !input || !status) return;
    form.hidden = false;
    const apply = () => {
      const words = normalise(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const { li, text } of items) {
        const match = words.every((word) => text.includes(word));
        li.hidden = !match;
        if (match) shown++;
      }
      status.textContent = words.length
        ? (status.dataset.template ?? '').replace('{shown}', String(shown)).replace('{total}', String(items.length))
        : '';
    };
    input.addEventListener('input', apply);
  }
}
customElements.define('message-filter', MessageFilter);
