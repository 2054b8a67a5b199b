// Building the page without ever parsing HTML: every string becomes a text node, so a name such
// as <img src=x onerror=alert(1)> from the API stays text.

/** h('tag', {attr: value, onclick: fn}, child...): children are nodes, strings or arrays of them. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'value') {
      el.value = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An error in words, shown next to what caused it (role=alert so it is read out). */
export function errorBox(message) {
  return h('p', { class: 'error', role: 'alert' }, message);
}

/** Replaces an element's content (with textContent semantics for strings). */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A short date-time for people, or a dash. */
export function when(iso) {
  if (!iso) return '–';
  if (iso.startsWith('9999-')) return 'never';  // the API's "no expiration"
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}
