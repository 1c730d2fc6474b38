/*
 * The areas a place lies in, for the explorer's text filter ("Titel of plaats
 * bevat"): a practice in Montferland is found by "Achterhoek" and by "Gelderland".
 *
 * The same reading of places.yaml as generator/catalog/geography.py, from the
 * data package's tables: a place names its provinces (place_provinces), is a
 * province itself, or is a region whose member places (those naming it in
 * place_parents) name theirs; the regions it is part of (place_parents) count too.
 * A province without a record of its own is known by its code only.
 */

function groupBy(rows, key, value) {
  var groups = {};
  rows.forEach(function (row) { (groups[row[key]] = groups[row[key]] || []).push(row[value]); });
  return groups;
}

export function placeAreas(places, parentRows, provinceRows) {
  var byId = {};
  places.forEach(function (p) { byId[p.id] = p; });
  var parents = groupBy(parentRows, "place_id", "parent");
  var members = groupBy(parentRows, "parent", "place_id");
  var provinces = groupBy(provinceRows, "place_id", "province");

  function provincesOf(id, seen) {
    if (seen[id]) return [];  // part_of cycles are not forbidden by the schema
    seen[id] = true;
    if (byId[id] && byId[id].type === "province") return [id];
    if (provinces[id]) return provinces[id];
    return [].concat.apply([], (members[id] || []).map(function (m) { return provincesOf(m, seen); }));
  }

  function regionsOf(id, seen) {
    if (seen[id]) return [];
    seen[id] = true;
    return [].concat.apply([], (parents[id] || []).map(function (p) { return [p].concat(regionsOf(p, seen)); }));
  }

  function nameOf(id) { return byId[id] ? byId[id].name : id; }

  var areas = {};
  places.forEach(function (p) {
    var regions = regionsOf(p.id, {});
    // The place's own provinces only: a region across a border does not put Montferland in Limburg.
    var ids = regions.concat(provincesOf(p.id, {})).filter(function (id) { return id !== p.id; });
    areas[p.id] = ids.filter(function (id, i) { return ids.indexOf(id) === i; }).map(nameOf);
  });
  return areas;
}
