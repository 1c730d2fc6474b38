/*
 * The form "Voorbeeld toevoegen" (toevoegen.md): a new practice record, made in the browser.
 *
 * Built from assets/form-spec.json, which generator/form_spec.py generates
 * from the JSON Schemas and codelists: every field, label, help text, choice
 * and limit comes from there. "Controleren" validates the record against the
 * same bundled schema the checker uses (form-validate.js) and applies the
 * checker's rules beyond the schema; messages appear in Dutch at the field and
 * in a list at the top. A valid record is shown as a preview and as YAML
 * (form-yaml.js) to copy, download or open on GitHub's new-file page.
 * Nothing is sent anywhere until the contributor clicks that link. All text
 * goes into the page through textContent or a form value, never as HTML.
 */
(function () {
  "use strict";

  var app = document.querySelector("[data-pv-form=app]");
  if (!app || !window.PvFormValidate || !window.PvFormYaml) return;
  var SPEC_URL = new URL("form-spec.json", document.currentScript.src);
  var DATE = /^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$/;
  var GITHUB_URL_LIMIT = 8000; // longer addresses may be refused; the YAML can still be pasted

  var spec, schema, rules;
  var raw = {}; // what the contributor typed, shaped like the record (strings, lists, groups)
  var fields = {}; // "metrics/0/value" -> widget {kind, path, wrapper, control, error, note, label}
  var parts = {}; // form, summary, result, ...
  var checkedOnce = false; // after the first check, messages follow every change
  var idEdited = false; // until the id is edited, it follows the title
  var downloadUrl = null;
  var timer = null;

  // ---- small helpers -------------------------------------------------------

  function el(tag, attrs, children) {
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

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function key(path) { return path.join("/"); }
  function domId(path) { return "pv-" + (path.length ? path.join("-") : "formulier"); }
  function lastName(path) {
    for (var i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i];
    return "";
  }

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && params[name] !== undefined ? String(params[name]) : whole;
    });
  }

  // "metrics[].comparison.label" for ["metrics", 0, "comparison", "label"]
  function pattern(path) {
    return path.reduce(function (out, step) {
      return typeof step === "number" ? out + "[]" : (out ? out + "." : "") + step;
    }, "");
  }

  function labelOf(path) {
    var name = lastName(path);
    return spec.path_labels[pattern(path)] || spec.labels[name] || name;
  }

  function itemLabel(path) { return spec.item_labels[lastName(path)] || "Onderdeel"; }

  // "Cijfer 2 › Waarde" for ["metrics", 1, "value"]
  function fullLabel(path) {
    var words = [];
    path.forEach(function (step, i) {
      if (typeof step === "number") words.push(itemLabel(path.slice(0, i)) + " " + (step + 1));
      else if (typeof path[i + 1] !== "number") words.push(labelOf(path.slice(0, i + 1)));
    });
    return words.join(" › ");
  }

  function slug(text) {
    var words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
    return words.join("-").slice(0, 80).replace(/-+$/, "");
  }

  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  // ---- the schema ----------------------------------------------------------

  function pointer(ref) {
    return ref.slice(2).split("/").reduce(function (node, part) {
      return node[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    }, schema);
  }

  // A node with its $ref followed; the referring node's own keys (its description) win.
  function resolve(node) {
    var out = node;
    while (out && out.$ref) {
      var merged = {}, target = pointer(out.$ref), own = out;
      Object.keys(target).forEach(function (k) { merged[k] = target[k]; });
      Object.keys(own).forEach(function (k) { if (k !== "$ref") merged[k] = own[k]; });
      if (target.$ref) merged.$ref = target.$ref;
      out = merged;
    }
    return out;
  }

  function kindOf(node) {
    if (node.enum) return "choice";
    if (node.type === "array") {
      var item = resolve(node.items);
      return item.enum ? "checkboxes" : item.type === "object" ? "groups" : "list";
    }
    if (node.type === "object") return "object";
    if (node.type === "number" || node.type === "integer") return "number";
    return "text";
  }

  function choices(node, name) {
    var codelist = node["x-codelist"];
    if (codelist && spec.codelists[codelist]) return spec.codelists[codelist];
    var words = spec.enum_labels[name] || {};
    return node.enum.map(function (code) { return { code: code, label: words[code] || code, help: "" }; });
  }

  function codeLabel(codelist, code) {
    var row = (spec.codelists[codelist] || []).filter(function (r) { return r.code === code; })[0];
    return row ? row.label : code;
  }

  function referenceKind(path) { return spec.references[lastName(path)] || null; }

  function knownLabel(kind, id) {
    var hit = (spec.known[kind] || []).filter(function (r) { return r.id === id; })[0];
    return hit ? hit.label : null;
  }

  function initial(node, kind) {
    if (kind === "object") return {};
    if (kind === "checkboxes") return [];
    if (kind === "list" || kind === "groups") {
      var items = [];
      for (var i = 0; i < (node.minItems || 0); i++) items.push(kind === "groups" ? {} : "");
      return items;
    }
    return "";
  }

  // ---- widgets -------------------------------------------------------------

  function register(path, widget) {
    widget.path = path;
    fields[key(path)] = widget;
    return widget;
  }

  function feedback(id) {
    return {
      error: el("p", { class: "pv-form__error", id: id + "-fout", hidden: true }),
      note: el("p", { class: "pv-form__note", id: id + "-let-op", hidden: true })
    };
  }

  function labelText(path, required, asItem) {
    if (asItem) return [itemLabel(path.slice(0, -1)) + " " + (path[path.length - 1] + 1)];
    return [labelOf(path), required ? null : el("span", { class: "pv-form__optional", text: " (niet verplicht)" })];
  }

  function renderField(propNode, path, required, holder, name, asItem) {
    var node = resolve(propNode);
    var kind = kindOf(node);
    if (holder[name] === undefined) holder[name] = initial(node, kind);
    if (kind === "object") return objectWidget(node, path, required, holder[name]);
    if (kind === "checkboxes") return checkboxWidget(node, path, required, holder, name);
    if (kind === "list" || kind === "groups") return listWidget(node, path, required, holder[name], kind);
    return inputWidget(node, path, required, holder, name, kind, asItem);
  }

  function inputWidget(node, path, required, holder, name, kind, asItem) {
    var id = domId(path);
    var control;
    if (kind === "choice") {
      control = el("select", { id: id }, [el("option", { value: "", text: "Kies..." })]);
      choices(node, lastName(path)).forEach(function (row) {
        control.append(el("option", { value: row.code, text: row.label }));
      });
    } else if (kind === "text" && (node.maxLength || 0) >= 500) {
      control = el("textarea", { id: id, rows: node.maxLength > 5000 ? 10 : node.maxLength >= 600 ? 4 : 2 });
    } else {
      control = el("input", { id: id, type: "text", inputmode: kind === "number" ? "decimal" : null,
                              autocomplete: "off", spellcheck: kind === "text" ? null : "false" });
    }
    control.setAttribute("name", key(path));
    control.setAttribute("data-path", key(path));
    control.setAttribute("data-kind", kind);
    control.value = holder[name];
    var reference = referenceKind(path);
    if (reference && kind === "text") control.setAttribute("list", "pv-bekend-" + reference);

    var help = !asItem && node.description ? el("p", { class: "pv-form__help", id: id + "-uitleg", text: node.description }) : null;
    var extra = kind === "choice" || reference ? el("p", { class: "pv-form__extra", id: id + "-keuze" }) : null;
    var fb = feedback(id);
    control.setAttribute("aria-describedby", [help && help.id, extra && extra.id, fb.error.id, fb.note.id]
      .filter(Boolean).join(" "));
    var wrapper = el("div", { class: "pv-form__field", "data-field": key(path) },
                     [el("label", { for: id }, labelText(path, required, asItem)), help, fb.error, fb.note, control, extra]);

    function describe() {
      if (!extra) return;
      if (kind === "choice") {
        var row = choices(node, lastName(path)).filter(function (r) { return r.code === control.value; })[0];
        extra.textContent = row && row.help ? row.help : "";
      } else {
        var label = control.value ? knownLabel(reference, control.value.trim()) : null;
        extra.textContent = label ? "In de catalogus: " + label : "";
      }
    }
    control.addEventListener(kind === "choice" ? "change" : "input", function () {
      holder[name] = control.value;
      describe();
      changed(path, control.value);
    });
    describe();
    return register(path, { kind: kind, wrapper: wrapper, control: control, error: fb.error, note: fb.note,
                            describe: describe }).wrapper;
  }

  function checkboxWidget(node, path, required, holder, name) {
    var id = domId(path);
    var item = resolve(node.items);
    var fb = feedback(id);
    var help = node.description ? el("p", { class: "pv-form__help", id: id + "-uitleg", text: node.description }) : null;
    var box = el("div", { class: "pv-form__choices" });
    var fieldset = el("fieldset", { class: "pv-form__group", id: id, "data-path": key(path), "data-kind": "checkboxes",
                                    "aria-describedby": [help && help.id, fb.error.id].filter(Boolean).join(" ") },
                      [el("legend", {}, labelText(path, required)), help, fb.error, fb.note, box]);
    var rows = choices(item, name);
    rows.forEach(function (row) {
      var input = el("input", { type: "checkbox", id: id + "-" + row.code, name: key(path), value: row.code });
      input.checked = holder[name].indexOf(row.code) >= 0;
      // The record lists the codes in the order they were ticked: the first is the main one.
      input.addEventListener("change", function () {
        var codes = holder[name].filter(function (code) { return code !== row.code; });
        holder[name] = input.checked ? codes.concat([row.code]) : codes;
        changed(path);
      });
      box.append(el("div", { class: "pv-form__choice" },
                    [input, el("label", { for: input.id, title: row.help || null, text: row.label })]));
    });
    return register(path, { kind: "checkboxes", wrapper: fieldset, control: box.querySelector("input"),
                            error: fb.error, note: fb.note }).wrapper;
  }

  function objectWidget(node, path, required, holder) {
    var id = domId(path);
    var fb = feedback(id);
    var inner = el("div", { class: "pv-form__fields" });
    renderProperties(node, path, inner, holder);
    var help = node.description ? el("p", { class: "pv-form__help", text: node.description }) : null;
    var wrapper;
    // A long optional group (a comparison, a baseline) starts folded, so a figure stays short.
    if (!required && Object.keys(node.properties).length > 3) {
      wrapper = el("details", { class: "pv-form__group", id: id, "data-path": key(path), "data-kind": "object" },
                   [el("summary", {}, labelText(path, false)), help, fb.error, fb.note, inner]);
    } else {
      wrapper = el("fieldset", { class: "pv-form__group", id: id, "data-path": key(path), "data-kind": "object" },
                   [el("legend", {}, labelText(path, required)), help, fb.error, fb.note, inner]);
    }
    return register(path, { kind: "object", wrapper: wrapper, control: wrapper, error: fb.error, note: fb.note }).wrapper;
  }

  function listWidget(node, path, required, items, kind) {
    var id = domId(path);
    var fb = feedback(id);
    var help = node.description ? el("p", { class: "pv-form__help", id: id + "-uitleg", text: node.description }) : null;
    var list = el("div", { class: "pv-form__items" });
    var add = el("button", { type: "button", class: "md-button pv-form__add", "data-add": key(path),
                             text: itemLabel(path) + " toevoegen" });
    var fieldset = el("fieldset", { class: "pv-form__group pv-form__group--list", id: id, "data-path": key(path),
                                    "data-kind": kind, "aria-describedby": [help && help.id, fb.error.id].filter(Boolean).join(" ") },
                      [el("legend", {}, labelText(path, required)), help, fb.error, fb.note, list, add]);
    var widget = register(path, { kind: kind, wrapper: fieldset, control: add, error: fb.error, note: fb.note });

    function draw(focusIndex) {
      var prefix = key(path) + "/";
      Object.keys(fields).forEach(function (k) { if (k.indexOf(prefix) === 0) delete fields[k]; });
      list.textContent = "";
      items.forEach(function (item, i) {
        var itemPath = path.concat([i]);
        var remove = el("button", { type: "button", class: "pv-form__remove", "data-remove": key(itemPath),
                                    text: "Verwijderen", "aria-label": itemLabel(path) + " " + (i + 1) + " verwijderen" });
        remove.addEventListener("click", function () {
          items.splice(i, 1);
          draw(Math.min(i, items.length - 1));
          changed(path);
        });
        var content;
        if (kind === "groups") {
          var itemFeedback = feedback(domId(itemPath));
          content = el("fieldset", { class: "pv-form__item", id: domId(itemPath), "data-path": key(itemPath), "data-kind": "object" },
                       [el("legend", { text: itemLabel(path) + " " + (i + 1) }), itemFeedback.error, itemFeedback.note]);
          renderProperties(resolve(node.items), itemPath, content, item);
          register(itemPath, { kind: "object", wrapper: content, control: content, error: itemFeedback.error, note: itemFeedback.note });
          content.append(remove);
        } else {
          content = el("div", { class: "pv-form__row" }, [renderField(node.items, itemPath, true, items, i, true), remove]);
        }
        list.append(content);
      });
      if (focusIndex !== undefined && focusIndex >= 0 && items.length) {
        var first = list.children[focusIndex].querySelector("input, select, textarea");
        if (first) first.focus();
      } else if (focusIndex !== undefined) add.focus();
    }

    add.addEventListener("click", function () {
      items.push(kind === "groups" ? {} : "");
      draw(items.length - 1);
      changed(path);
    });
    widget.draw = draw;
    draw();
    return fieldset;
  }

  function renderProperties(node, path, container, holder) {
    var required = node.required || [];
    Object.keys(node.properties).forEach(function (name) {
      container.append(renderField(node.properties[name], path.concat([name]), required.indexOf(name) >= 0, holder, name));
    });
  }

  // ---- reading the form into a record ---------------------------------------

  function textValue(value) {
    var text = String(value === undefined || value === null ? "" : value).replace(/\r\n?/g, "\n").trim();
    return text === "" ? undefined : text;
  }

  // "12", "12,5", "-26", "1 000": a number; anything else stays text, so the schema's type check names it.
  // "1.000" is refused too: in Dutch it means a thousand, in YAML one.
  function numberValue(value) {
    var text = String(value || "").replace(/\s/g, "");
    if (!text) return undefined;
    if (/^[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+$/.test(text)) return text;
    if (/^[-+]?([0-9]+([.,][0-9]+)?|[.,][0-9]+)$/.test(text)) return Number(text.replace(",", "."));
    return text;
  }

  function collectValue(propNode, value, domPath, dataPath, required, map) {
    var node = resolve(propNode);
    var kind = kindOf(node);
    var out;
    if (kind === "text") out = textValue(value);
    else if (kind === "number") out = numberValue(value);
    else if (kind === "choice") out = value ? value : undefined;
    else if (kind === "checkboxes") out = value && value.length ? value.slice() : undefined;
    else if (kind === "object") out = collectObject(node, value || {}, domPath, dataPath, required, map);
    else {
      var items = [];
      (value || []).forEach(function (item, i) {
        var got = collectValue(node.items, item, domPath.concat([i]), dataPath.concat([items.length]), false, map);
        if (got !== undefined) items.push(got);
      });
      // A required list of groups left empty keeps its first group, so the messages appear at its fields.
      if (!items.length && required && kind === "groups" && node.minItems && value && value.length) {
        items.push(collectValue(node.items, value[0], domPath.concat([0]), dataPath.concat([0]), true, map));
      }
      out = items.length ? items : undefined;
    }
    if (out !== undefined) map[key(dataPath)] = key(domPath);
    return out;
  }

  // Empty optional groups drop out; a required group stays (as {}) so its own fields get the messages.
  function collectObject(node, holder, domPath, dataPath, required, map) {
    var out = {};
    var needed = node.required || [];
    Object.keys(node.properties).forEach(function (name) {
      var value = collectValue(node.properties[name], holder[name], domPath.concat([name]), dataPath.concat([name]),
                               needed.indexOf(name) >= 0, map);
      if (value !== undefined) out[name] = value;
    });
    return Object.keys(out).length || required ? out : undefined;
  }

  function collect() {
    var map = { "": "" };
    return { data: collectObject(schema, raw, [], [], true, map), map: map };
  }

  // ---- checking --------------------------------------------------------------

  function schemaProblems(data, map) {
    return window.PvFormValidate.validate(schema, data).map(function (error) {
      var base = map[key(error.path)];
      if (base === undefined) base = key(error.path);
      var name = error.keyword === "required" ? error.params.property
        : error.keyword === "dependentRequired" ? error.params.missing : null;
      var target = name ? (base ? base + "/" + name : name) : base;
      return { target: target, text: schemaMessage(error, fields[target]) };
    });
  }

  function schemaMessage(error, widget) {
    var m = spec.messages, p = error.params, kind = widget ? widget.kind : "text";
    if (error.keyword === "required") {
      if (kind === "choice") return m["required-choice"];
      if (kind === "checkboxes") return m["required-checkboxes"];
      if (kind === "list" || kind === "groups") return m["required-list"];
      if (kind === "object") return m["required-group"];
      return m.required;
    }
    if (error.keyword === "type") {
      return p.expected === "number" ? m["type-number"] : p.expected === "integer" ? m["type-integer"] : m.type;
    }
    if (error.keyword === "pattern") return spec.pattern_hints[p.pattern] || m.pattern;
    if (error.keyword === "dependentRequired") return fill(m.dependentRequired, { property: labelOf([p.property]) });
    return fill(m[error.keyword] || m.type, p);
  }

  function strings(value, path, out) {
    if (typeof value === "string") out.push({ path: path, text: value });
    else if (Array.isArray(value)) value.forEach(function (v, i) { strings(v, path.concat([i]), out); });
    else if (isObject(value)) Object.keys(value).forEach(function (k) { strings(value[k], path.concat([k]), out); });
    return out;
  }

  function matches(regex, text) {
    var found = [], match;
    regex.lastIndex = 0;
    while ((match = regex.exec(text)) !== null) {
      found.push(match);
      if (match[0] === "") regex.lastIndex++;
    }
    return found;
  }

  function periods(data) {
    var out = [];
    if (isObject(data.period)) out.push({ path: ["period"], value: data.period });
    ["metrics", "costs", "funding"].forEach(function (name) {
      (Array.isArray(data[name]) ? data[name] : []).forEach(function (item, i) {
        if (!isObject(item)) return;
        if (isObject(item.period)) out.push({ path: [name, i, "period"], value: item.period });
        ["comparison", "baseline"].forEach(function (part) {
          if (isObject(item[part]) && isObject(item[part].period)) {
            out.push({ path: [name, i, part, "period"], value: item[part].period });
          }
        });
      });
    });
    return out;
  }

  // The checker's rules beyond the schema (generator/check.py), on the same record.
  function ruleProblems(data, map) {
    var out = [];
    function at(dataPath, code, params) {
      var target = map[key(dataPath)];
      out.push({ target: target === undefined ? key(dataPath) : target, text: fill(spec.messages[code], params || {}) });
    }
    var taken = typeof data.id === "string" ? knownLabel("practice", data.id) : null;
    if (taken) at(["id"], "id-taken", { title: taken });

    var units = {};
    (spec.codelists.indicator || []).forEach(function (row) { units[row.code] = row.unit; });
    (Array.isArray(data.metrics) ? data.metrics : []).forEach(function (metric, i) {
      if (!isObject(metric)) return;
      var expected = units[metric.indicator];
      if (expected && typeof metric.unit === "string" && metric.unit !== expected) {
        at(["metrics", i, "unit"], "unit-mismatch", { expected: codeLabel("unit", expected) });
      }
      ["comparison", "baseline"].forEach(function (part) {
        var other = metric[part];
        if (isObject(other) && typeof other.unit === "string" && typeof metric.unit === "string" && other.unit !== metric.unit) {
          at(["metrics", i, part, "unit"], "comparison-unit-mismatch", { expected: codeLabel("unit", metric.unit) });
        }
      });
    });

    periods(data).forEach(function (period) {
      var start = period.value.start, end = period.value.end;
      if (typeof start === "string" && typeof end === "string") {
        var n = Math.min(start.length, end.length);
        if (start.slice(0, n) > end.slice(0, n)) at(period.path.concat(["end"]), "period-order");
      }
    });

    var record = data.record;
    if (isObject(record) && DATE.test(record.added || "") && DATE.test(record.updated || "") && record.updated < record.added) {
      at(["record", "updated"], "record-dates-order");
    }

    var costs = Array.isArray(data.costs) ? data.costs : [];
    costs.forEach(function (cost, i) {
      var part = isObject(cost) ? cost.part_of : undefined;
      if (Number.isInteger(part) && !(part >= 1 && part <= costs.length && part !== i + 1)) {
        at(["costs", i, "part_of"], "cost-part-of", { count: costs.length });
      }
    });

    strings(data, [], []).forEach(function (item) {
      matches(rules.email, item.text).forEach(function (m) {
        if (spec.rules.role_mailboxes.indexOf(m[0].split("@")[0].toLowerCase()) < 0) {
          at(item.path, "personal-email", { value: m[0] });
        }
      });
      matches(rules.phone, item.text).forEach(function (m) { at(item.path, "personal-phone", { value: m[0] }); });
      if (lastName(item.path) !== "url") {
        matches(rules.link, item.text).forEach(function (m) {
          var target = m[1] || m[2];
          if (!/^https?:\/\//i.test(target)) at(item.path, "url-scheme", { value: target });
        });
      }
    });
    return out;
  }

  // Notes that do not stop the result: references not (yet) in the catalogue, a long summary.
  function notes(data, map) {
    var out = [];
    strings(data, [], []).forEach(function (item) {
      var kind = referenceKind(item.path);
      if (kind && !knownLabel(kind, item.text)) {
        out.push({ target: map[key(item.path)], text: fill(spec.messages["unknown-reference"],
                   { value: item.text, home: spec.reference_homes[kind] }) });
      }
    });
    var limit = spec.rules.summary_soft_limit;
    if (typeof data.summary === "string" && Array.from(data.summary).length > limit) {
      out.push({ target: map.summary, text: fill(spec.messages["summary-long"],
                 { length: Array.from(data.summary).length, limit: limit }) });
    }
    return out;
  }

  // ---- showing messages -----------------------------------------------------

  function widgetFor(target) {
    var path = (target || "").split("/");
    while (path.length) {
      if (fields[path.join("/")]) return fields[path.join("/")];
      path.pop();
    }
    return null;
  }

  function focusTarget(widget) {
    if (widget.kind === "object" || widget.kind === "list" || widget.kind === "groups") {
      return widget.wrapper.querySelector("input, select, textarea") || widget.control;
    }
    return widget.control;
  }

  function clearMessages() {
    Object.keys(fields).forEach(function (k) {
      var widget = fields[k];
      [widget.error, widget.note].forEach(function (p) { if (p) { p.textContent = ""; p.hidden = true; } });
      widget.wrapper.classList.remove("pv-form__field--fout");
      if (widget.control && widget.control.removeAttribute) widget.control.removeAttribute("aria-invalid");
    });
  }

  function place(list, slot) {
    var shown = [];
    list.forEach(function (problem) {
      var widget = widgetFor(problem.target);
      if (!widget) { shown.push({ widget: null, text: problem.text }); return; }
      var p = widget[slot];
      if (p.textContent.indexOf(problem.text) < 0) p.textContent = (p.textContent ? p.textContent + " " : "") + problem.text;
      p.hidden = false;
      if (slot === "error") {
        widget.wrapper.classList.add("pv-form__field--fout");
        if (widget.control && widget.control.setAttribute && widget.kind !== "object") widget.control.setAttribute("aria-invalid", "true");
        for (var node = widget.wrapper; node; node = node.parentElement) if (node.tagName === "DETAILS") node.open = true;
      }
      shown.push({ widget: widget, text: problem.text });
    });
    return shown;
  }

  function showSummary(shown) {
    var box = parts.summary;
    box.textContent = "";
    box.hidden = !shown.length;
    if (!shown.length) return;
    shown.sort(function (a, b) { // in the order of the form
      if (!a.widget || !b.widget) return a.widget ? 1 : b.widget ? -1 : 0;
      return a.widget.wrapper.compareDocumentPosition(b.widget.wrapper) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    var count = shown.length === 1 ? "Er is 1 ding om te verbeteren" : "Er zijn " + shown.length + " dingen om te verbeteren";
    var list = el("ul", {});
    shown.forEach(function (item) {
      if (!item.widget) { list.append(el("li", { text: item.text })); return; }
      var target = focusTarget(item.widget);
      var link = el("a", { href: "#" + target.id, text: fullLabel(item.widget.path) + ": " + item.text });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        for (var node = target; node; node = node.parentElement) if (node.tagName === "DETAILS") node.open = true;
        target.focus();
      });
      list.append(el("li", {}, [link]));
    });
    box.append(el("h2", { id: "pv-samenvatting-titel", text: count }), list);
  }

  // ---- the result ------------------------------------------------------------

  function showResult(data, noteList) {
    var yaml = window.PvFormYaml.dump(data, [spec.schema_line]);
    var filename = data.id + ".yaml";
    parts.yaml.value = yaml;
    parts.filename.textContent = spec.folder + "/" + filename;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
    parts.download.href = downloadUrl;
    parts.download.setAttribute("download", filename);
    var github = spec.new_file_url + "?filename=" + encodeURIComponent(filename) + "&value=" + encodeURIComponent(yaml);
    parts.github.href = github;
    parts.long.hidden = github.length <= GITHUB_URL_LIMIT;
    parts.notes.textContent = "";
    noteList.forEach(function (note) { parts.notes.append(el("li", { text: note.text })); });
    parts.notesBox.hidden = !noteList.length;
    parts.preview.textContent = "";
    parts.preview.append(preview(data));
    parts.copied.textContent = "";
    parts.result.hidden = false;
  }

  function preview(data) {
    function names(kind, ids) {
      return (ids || []).map(function (id) { return knownLabel(kind, id) || id; }).join(", ");
    }
    function labels(codelist, codes) {
      return (codes || []).map(function (code) { return codeLabel(codelist, code); }).join(", ");
    }
    var facts = [
      ["Stand van zaken", codeLabel("status", data.status)],
      ["Looptijd", data.period ? [data.period.start, data.period.end].filter(Boolean).join(" tot ") : ""],
      ["Plaatsen", names("place", data.places)],
      ["Thema's", labels("theme", data.themes)],
      ["Doelgroepen", labels("target_group", data.target_groups)],
      ["Bewijs", data.evidence ? codeLabel("evidence_level", data.evidence.level) + ": " + data.evidence.claimed_by : ""]
    ];
    var dl = el("dl", { class: "pv-form__facts" });
    facts.forEach(function (fact) {
      if (fact[1]) dl.append(el("div", {}, [el("dt", { text: fact[0] }), el("dd", { text: fact[1] })]));
    });
    var out = el("div", {}, [el("h3", { text: data.title }), el("p", { text: data.summary }), dl]);
    if (data.metrics) {
      var figures = el("ul", {});
      data.metrics.forEach(function (m) {
        var amount = m.value.toLocaleString("nl-NL") + " " + codeLabel("unit", m.unit);
        figures.append(el("li", { text: codeLabel("indicator", m.indicator) + ": " + (m.as_given ? m.as_given + " (" + amount + ")" : amount) +
                                        ". Bron: " + (knownLabel("source", m.source) || m.source) + ", " + m.locator }));
      });
      out.append(el("h4", { text: "Cijfers" }), figures);
    }
    if (data.description) out.append(el("h4", { text: "Beschrijving" }), el("div", { class: "pv-form__text", text: data.description }));
    var sources = el("ul", {});
    (data.sources || []).forEach(function (s) {
      sources.append(el("li", { text: (knownLabel("source", s.source) || s.source) + ", " + s.locator }));
    });
    out.append(el("h4", { text: "Bronnen" }), sources);
    return out;
  }

  // ---- running a check ---------------------------------------------------------

  function check() {
    var got = collect();
    var problems = schemaProblems(got.data, got.map).concat(ruleProblems(got.data, got.map));
    var noteList = notes(got.data, got.map);
    clearMessages();
    var shown = place(problems, "error");
    place(noteList, "note");
    showSummary(shown);
    if (problems.length) parts.result.hidden = true;
    else showResult(got.data, noteList);
    return problems.length;
  }

  function changed(path, value) {
    var name = key(path);
    if (name === "id") idEdited = true;
    if (name === "title" && !idEdited && fields.id) {
      raw.id = slug(value || "");
      fields.id.control.value = raw.id;
    }
    if (path.length === 3 && path[0] === "metrics" && path[2] === "indicator") setUnit(path, value);
    if (!checkedOnce) return;
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  }

  // Choosing an indicator chooses its unit: the checker requires the two to match.
  function setUnit(path, indicator) {
    var row = (spec.codelists.indicator || []).filter(function (r) { return r.code === indicator; })[0];
    var unitPath = key(path.slice(0, 2).concat(["unit"]));
    var widget = fields[unitPath];
    if (!row || !row.unit || !widget) return;
    raw.metrics[path[1]].unit = row.unit;
    widget.control.value = row.unit;
    widget.describe();
  }

  // ---- the page ----------------------------------------------------------------

  function datalists() {
    return Object.keys(spec.known).map(function (kind) {
      var list = el("datalist", { id: "pv-bekend-" + kind });
      spec.known[kind].forEach(function (row) { list.append(el("option", { value: row.id, label: row.label })); });
      return list;
    });
  }

  function resultSection() {
    parts.yaml = el("textarea", { id: "pv-yaml", rows: 16, readonly: true, spellcheck: "false", class: "pv-form__yaml" });
    parts.filename = el("code", {});
    parts.copy = el("button", { type: "button", class: "md-button", "data-action": "kopieren", text: "Kopiëren" });
    parts.copied = el("span", { class: "pv-form__status", role: "status" });
    parts.download = el("a", { class: "md-button", "data-action": "downloaden", text: "Downloaden" });
    parts.github = el("a", { class: "md-button md-button--primary", "data-action": "github", target: "_blank",
                             rel: "noopener noreferrer", text: "Openen op GitHub" });
    parts.long = el("p", { class: "pv-form__note", hidden: true,
                           text: "Uw voorbeeld is lang. Opent GitHub een leeg bestand of een foutmelding? Kopieer dan " +
                                 "de tekst hierboven en plak die in het nieuwe bestand." });
    parts.notes = el("ul", {});
    parts.notesBox = el("div", { class: "pv-form__notes", hidden: true },
                        [el("p", { text: "Let op (dit houdt uw voorbeeld niet tegen):" }), parts.notes]);
    parts.preview = el("div", { class: "pv-form__preview" });
    parts.copy.addEventListener("click", copy);
    parts.result = el("section", { class: "pv-form__result", "aria-labelledby": "pv-resultaat-titel", hidden: true }, [
      el("h2", { id: "pv-resultaat-titel", tabindex: "-1", text: "Uw voorbeeld is klaar" }),
      parts.notesBox,
      el("h3", { text: "Zo ziet het eruit" }), parts.preview,
      el("h3", { text: "Het bestand" }),
      el("p", {}, ["Dit is het bestand ", parts.filename, ". Kopieer of download het, of open het meteen op GitHub. ",
                   "Daar kiest u ", el("strong", { text: "Commit changes" }), " en daarna ",
                   el("strong", { text: "Create pull request" }), ". De redactie bekijkt uw voorstel."]),
      el("label", { for: "pv-yaml", text: "YAML" }), parts.yaml,
      el("div", { class: "pv-form__actions" }, [parts.copy, parts.download, parts.github, parts.copied]),
      parts.long,
      el("p", { class: "pv-form__help", text: "Tot u op Openen op GitHub klikt, blijft alles op uw eigen computer." })
    ]);
    return parts.result;
  }

  function copy() {
    function selectIt() {
      parts.yaml.focus();
      parts.yaml.select();
      parts.copied.textContent = "De tekst is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).";
    }
    if (!navigator.clipboard || !navigator.clipboard.writeText) { selectIt(); return; }
    navigator.clipboard.writeText(parts.yaml.value).then(function () {
      parts.copied.textContent = "Gekopieerd.";
    }, selectIt);
  }

  function start(loaded) {
    spec = loaded;
    schema = spec.schema;
    rules = {
      email: new RegExp(spec.rules.email, "g"),
      phone: new RegExp(spec.rules.phone, "g"),
      link: new RegExp(spec.rules.link_target, "gi") // re.IGNORECASE in check.py
    };
    raw.record = { added: today(), updated: today(), contributors: [""] };
    parts.summary = el("div", { class: "pv-form__summary", tabindex: "-1", "aria-labelledby": "pv-samenvatting-titel", hidden: true });
    parts.form = el("form", { class: "pv-form__form", novalidate: true });
    renderProperties(schema, [], parts.form, raw);
    parts.form.append(el("div", { class: "pv-form__actions" },
                         [el("button", { type: "submit", class: "md-button md-button--primary", text: "Controleren en bestand maken" })]));
    parts.form.addEventListener("submit", function (event) {
      event.preventDefault();
      checkedOnce = true;
      clearTimeout(timer);
      if (check()) {
        parts.summary.focus();
      } else {
        parts.result.querySelector("h2").focus();
      }
    });
    app.textContent = "";
    app.append.apply(app, [parts.summary, parts.form, resultSection()].concat(datalists()));
  }

  fetch(SPEC_URL).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + response.statusText);
    return response.json();
  }).then(start).catch(function (error) {
    console.error("Voorbeeld toevoegen:", error);
    app.textContent = "";
    app.append(el("p", { class: "pv-form__error", text: "Het formulier kon niet laden. Probeer het later opnieuw, " +
                                                          "of volg de stappen op de pagina Bijdragen." }));
  });
})();
