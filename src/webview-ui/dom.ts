/** Tiny DOM helpers: elements are built with properties and text only, never from HTML strings. */
type Attributes = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Node | string | undefined | false>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A button with a codicon; the label is its accessible name and tooltip. */
export function iconButton(icon: string, label: string, attributes: Attributes = {}): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'icon-button', title: label, 'aria-label': label, ...attributes });
  button.append(h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }));
  return button;
}

export function textButton(label: string, attributes: Attributes = {}, icon?: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'text-button', ...attributes });
  if (icon) button.append(h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }));
  button.append(h('span', {}, label));
  return button;
}
