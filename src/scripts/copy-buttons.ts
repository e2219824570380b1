/**
 * Copy buttons, added by script so that a reader without JavaScript never sees a dead button: one
 * after each code block and copyable link, and a small one on each heading and numbered step of an
 * article that copies its short link with the anchor. Loaded by CopyButtons.astro, whose template
 * carries the labels.
 */
const labels = document.getElementById('copy-labels')?.dataset ?? {};
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
const copyOnClick = (button: HTMLButtonElement, text: () => string, done: () => void) =>
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(text());
    done();
  });
const addButton = (host: HTMLElement, text: () => string, label: string) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = label;
  copyOnClick(button, text, () => {
    button.textContent = labels.done ?? 'Copied';
    setTimeout(() => (button.textContent = label), 2000);
  });
  host.after(button);
};
for (const pre of document.querySelectorAll<HTMLElement>('pre[data-copy]'))
  addButton(pre, () => pre.textContent ?? '', labels.copy ?? 'Copy');
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]'))
  addButton(link, () => link.href, link.dataset.copyLink ?? 'Copy link');

// Each heading and numbered step of an article gets a small button that copies the article's
// short link with the anchor, e.g. https://…/kb/<id>#step-3, for pointing a forum at one step.
const shortLink = document.querySelector<HTMLAnchorElement>('a.print-url[data-url]')?.dataset.url;
if (shortLink) {
  const targets = document.querySelectorAll<HTMLElement>('main :is(h2, h3)[id], main li[id^="step-"]');
  for (const target of targets) {
    if (target.closest('nav, aside, details')) continue;
    const name =
      target.tagName === 'LI'
        ? fill(labels.step ?? 'Step {n}', { n: target.id.replace(/^step-/, '') })
        : (target.textContent ?? '').trim();
    const label = fill(labels.anchor ?? 'Copy link to {label}', { label: name });
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'anchor-copy';
    button.setAttribute('aria-label', label);
    button.title = label;
    copyOnClick(
      button,
      () => `${shortLink}#${encodeURIComponent(target.id)}`,
      () => {
        button.classList.add('done');
        button.title = labels.done ?? 'Copied';
        setTimeout(() => {
          button.classList.remove('done');
          button.title = label;
        }, 2000);
      },
    );
    // In a step the button goes before a nested list, so it sits on the step's own line.
    const nested = target.tagName === 'LI' ? target.querySelector(':scope > :is(ol, ul)') : null;
    if (nested) nested.before(button);
    else target.append(button);
  }
}
