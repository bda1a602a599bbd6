// Translates the form editor's chrome in the page (form-js has no translate service): text nodes and title/placeholder
// attributes inside the palette, the properties panel and the empty states, kept translated while preact re-renders.

/** A text's translation, or undefined when it has none. */
export type TextTranslator = (text: string) => string | undefined;

/** Where the editor's own texts live; the form canvas outside them shows the author's content and stays untouched. */
const CHROME = '.fjs-palette, .fjs-properties-container, .fjs-empty-editor, .fjs-empty-component, .fjs-context-pad';
/** Inside the chrome, what the author typed: the selected field's label and list items' titles. */
const AUTHORED = '.bio-properties-panel-header-label, .bio-properties-panel-collapsible-entry-header-title';
const ATTRIBUTES = ['title', 'placeholder'] as const;

const isChrome = (element: Element | null) => Boolean(element?.closest(CHROME)) && !element?.closest(AUTHORED);

function translateText(node: Text, translate: TextTranslator): void {
  const trimmed = node.data.trim();
  if (!trimmed || !isChrome(node.parentElement)) return;
  const translated = translate(trimmed);
  if (translated !== undefined && translated !== trimmed) node.data = node.data.replace(trimmed, translated);
}

function translateAttribute(element: Element, name: string, translate: TextTranslator): void {
  const value = element.getAttribute(name)?.trim();
  if (!value || !isChrome(element)) return;
  const translated = translate(value);
  if (translated !== undefined && translated !== value) element.setAttribute(name, translated);
}

function translateTree(root: Node, translate: TextTranslator): void {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root as Text, translate);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) translateText(node as Text, translate);
    else for (const name of ATTRIBUTES) translateAttribute(node as Element, name, translate);
  }
}

/**
 * Translates the editor chrome under `root` now and whenever it changes; returns the function that stops.
 * A translated text is not in the dictionary, so the observer's own changes end there.
 */
export function translateEditorChrome(root: HTMLElement, translate: TextTranslator): () => void {
  translateTree(root, translate);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') translateText(record.target as Text, translate);
      else if (record.type === 'attributes' && record.attributeName) translateAttribute(record.target as Element, record.attributeName, translate);
      else record.addedNodes.forEach((node) => translateTree(node, translate));
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
  return () => observer.disconnect();
}
