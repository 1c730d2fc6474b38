/*
 * The form "Voorbeeld toevoegen": the one way its modules make an element.
 *
 * Text goes in through textContent and attributes through setAttribute, never
 * as HTML, so nothing from the spec or from what a contributor typed can
 * become markup.
 */

// el("p", {class: "x", text: "Hallo", hidden: true}, [child, ...]); null, undefined and false attributes are left out.
export function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    var value = attrs[name];
    if (value === null || value === undefined || value === false) return;
    if (name === "text") node.textContent = value;
    else if (name === "hidden") node.hidden = true;
    else node.setAttribute(name, value === true ? "" : value);
  });
  (children || []).forEach(function (child) {
    if (child !== null && child !== undefined) node.append(child);
  });
  return node;
}

// A message can sit in a folded group (a comparison, a baseline): open every <details> around it.
export function unfold(node) {
  for (; node; node = node.parentElement) if (node.tagName === "DETAILS") node.open = true;
}
