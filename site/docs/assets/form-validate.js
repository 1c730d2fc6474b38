/*
 * JSON Schema (2020-12) validation for the form "Voorbeeld toevoegen", in the browser.
 *
 * Interprets exactly the keywords the project's schemas use, on the bundled
 * schema the checker itself validates against (generator/catalog/schemas.py), and
 * reports errors the way Python's jsonschema does: one per failing keyword,
 * at the instance path (a `required` error at the object that lacks the
 * property). tests/test_form.py proves the same verdicts on the
 * example files. An unknown keyword throws, so a schema change cannot be
 * silently ignored here. An ES module without imports or DOM access: it runs
 * in the browser (form-check.js imports it) and in Node (for that test).
 */
// Keywords that only describe; everything else must be in VALIDATORS.
var ANNOTATIONS = ["$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples"];

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value; // string, boolean, object
}

function hasType(value, type) {
  var actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

// Python's len(): code points, not UTF-16 units.
function length(text) {
  return Array.from(text).length;
}

// Key-order-independent equality for enum and uniqueItems.
function canonical(value) {
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (isObject(value)) {
    return "{" + Object.keys(value).sort().map(function (key) {
      return JSON.stringify(key) + ":" + canonical(value[key]);
    }).join(",") + "}";
  }
  return JSON.stringify(value);
}

var patternCache = {};
function regex(pattern) {
  if (!patternCache[pattern]) patternCache[pattern] = new RegExp(pattern, "u");
  return patternCache[pattern];
}

// Each validator: (schemaValue, instance, schema, context) -> errors are pushed via context.fail.
var VALIDATORS = {
  $ref: function (ref, instance, schema, ctx) { ctx.check(ctx.resolve(ref), instance, ctx.path); },
  type: function (type, instance, schema, ctx) {
    var types = Array.isArray(type) ? type : [type];
    if (!types.some(function (t) { return hasType(instance, t); })) {
      ctx.fail("type", { expected: types[0], actual: typeOf(instance) });
    }
  },
  enum: function (values, instance, schema, ctx) {
    var wanted = canonical(instance);
    if (!values.some(function (v) { return canonical(v) === wanted; })) {
      ctx.fail("enum", { value: instance, codelist: schema["x-codelist"] || null });
    }
  },
  pattern: function (pattern, instance, schema, ctx) {
    if (typeof instance === "string" && !regex(pattern).test(instance)) ctx.fail("pattern", { pattern: pattern });
  },
  minLength: function (limit, instance, schema, ctx) {
    if (typeof instance === "string" && length(instance) < limit) ctx.fail("minLength", { limit: limit });
  },
  maxLength: function (limit, instance, schema, ctx) {
    if (typeof instance === "string" && length(instance) > limit) {
      ctx.fail("maxLength", { limit: limit, length: length(instance) });
    }
  },
  minimum: function (limit, instance, schema, ctx) {
    if (typeof instance === "number" && instance < limit) ctx.fail("minimum", { limit: limit });
  },
  maximum: function (limit, instance, schema, ctx) {
    if (typeof instance === "number" && instance > limit) ctx.fail("maximum", { limit: limit });
  },
  minItems: function (limit, instance, schema, ctx) {
    if (Array.isArray(instance) && instance.length < limit) ctx.fail("minItems", { limit: limit });
  },
  uniqueItems: function (unique, instance, schema, ctx) {
    if (!unique || !Array.isArray(instance)) return;
    var seen = {};
    for (var i = 0; i < instance.length; i++) {
      var key = canonical(instance[i]);
      if (seen[key]) { ctx.fail("uniqueItems", {}); return; }
      seen[key] = true;
    }
  },
  items: function (items, instance, schema, ctx) {
    if (!Array.isArray(instance)) return;
    instance.forEach(function (item, i) { ctx.check(items, item, ctx.path.concat([i])); });
  },
  properties: function (properties, instance, schema, ctx) {
    if (!isObject(instance)) return;
    Object.keys(properties).forEach(function (name) {
      if (Object.prototype.hasOwnProperty.call(instance, name)) {
        ctx.check(properties[name], instance[name], ctx.path.concat([name]));
      }
    });
  },
  required: function (names, instance, schema, ctx) {
    if (!isObject(instance)) return;
    names.forEach(function (name) {
      if (!Object.prototype.hasOwnProperty.call(instance, name)) ctx.fail("required", { property: name });
    });
  },
  additionalProperties: function (allowed, instance, schema, ctx) {
    if (!isObject(instance)) return;
    var known = schema.properties || {};
    var extra = Object.keys(instance).filter(function (name) {
      return !Object.prototype.hasOwnProperty.call(known, name);
    });
    if (allowed === false) {
      if (extra.length) ctx.fail("additionalProperties", { properties: extra, allowed: Object.keys(known) });
    } else if (isObject(allowed)) {
      extra.forEach(function (name) { ctx.check(allowed, instance[name], ctx.path.concat([name])); });
    }
  },
  minProperties: function (limit, instance, schema, ctx) {
    if (isObject(instance) && Object.keys(instance).length < limit) ctx.fail("minProperties", { limit: limit });
  },
  dependentRequired: function (dependencies, instance, schema, ctx) {
    if (!isObject(instance)) return;
    Object.keys(dependencies).forEach(function (name) {
      if (!Object.prototype.hasOwnProperty.call(instance, name)) return;
      dependencies[name].forEach(function (needed) {
        if (!Object.prototype.hasOwnProperty.call(instance, needed)) {
          ctx.fail("dependentRequired", { property: name, missing: needed });
        }
      });
    });
  }
};

// "#/$defs/common.schema.json/$defs/slug" -> the node (JSON Pointer, RFC 6901).
function resolver(rootSchema) {
  return function (ref) {
    if (ref.charAt(0) !== "#") throw new Error("only local $ref is supported: " + ref);
    return ref.slice(1).split("/").slice(1).reduce(function (node, part) {
      var key = part.replace(/~1/g, "/").replace(/~0/g, "~");
      if (!node || !Object.prototype.hasOwnProperty.call(node, key)) throw new Error("unresolvable $ref: " + ref);
      return node[key];
    }, rootSchema);
  };
}

// Every error: { path: [..], keyword, params }.
function validate(rootSchema, instance) {
  var errors = [];
  var resolve = resolver(rootSchema);

  function check(schema, value, path) {
    if (schema === true) return;
    if (schema === false) { errors.push({ path: path, keyword: "false", params: {} }); return; }
    Object.keys(schema).forEach(function (keyword) {
      if (ANNOTATIONS.indexOf(keyword) >= 0 || keyword.indexOf("x-") === 0) return;
      var validator = VALIDATORS[keyword];
      if (!validator) throw new Error("JSON Schema keyword not supported by form-validate.js: " + keyword);
      validator(schema[keyword], value, schema, {
        path: path,
        resolve: resolve,
        check: check,
        fail: function (kind, params) { errors.push({ path: path, keyword: kind, params: params }); }
      });
    });
  }

  check(rootSchema, instance, []);
  return errors;
}

// The keywords this file checks and those it skips: tests/test_form.py compares them with
// the keywords the schemas use, so a new one fails a test before it fails a contributor.
export var keywords = Object.keys(VALIDATORS);
export { validate, typeOf, ANNOTATIONS as annotations };
