/**
 * <search-box>: the search form of the header, the home page and the search page, a plain GET
 * form to the search page that works without JavaScript. This adds keys: "/" focuses the page's
 * first box from anywhere (data-shortcut: the header's, or the large one on the home and search
 * pages, which have none in the header), and Enter in the large box submits a pasted multi-line
 * dialog like a one-line box would (Shift+Enter adds a line).
 */
class SearchBox extends HTMLElement {
  connectedCallback(): void {
    const field = this.querySelector<HTMLInputElement | HTMLTextAreaElement>('[name="q"]');
    if (!field) return;
    if (field instanceof HTMLTextAreaElement)
      field.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          field.form?.requestSubmit();
        }
      });
    // One listener a page: the first box in reading order takes "/" (the 404 page has two).
    if (document.querySelector('[data-shortcut]') === field)
      document.addEventListener('keydown', (event) => {
        const target = event.target as HTMLElement;
        if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
        if (target.closest('input, textarea, select, [contenteditable]')) return;
        event.preventDefault();
        field.focus();
      });
  }
}

if (!customElements.get('search-box')) customElements.define('search-box', SearchBox);
