/*
 * Search that understands Dutch as people type it: the query side.
 *
 * The build writes zoeken/woorden.json (generator/website/search_words.py): the
 * catalogue's words, most frequent first, and the names of places, provinces,
 * instruments and practices with their pages. `rewrite` reads a query word by word:
 *
 * - a word the catalogue knows (or the start of one, or its plural) stays;
 * - the same word without accents becomes the catalogue's spelling (cooperatie);
 * - an unknown compound becomes its known parts (bouwproject -> bouw project);
 * - any other unknown word becomes the nearest known word within one edit (two for
 *   words of six letters or more; a swap of two letters counts as one edit).
 *
 * For a correction, `suggestion` finds the name it points at, for "Bedoelde u …?".
 * The pages carry the other half: hidden compound parts and synonyms in the index.
 * Plain functions without the DOM, so Node can test them (tests/test_search_words.py).
 */

var MIN_PART = 4;
var MIN_SPLIT = 7;

export function fold(word) {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export function vocabulary(data) {
  var words = (data && data.woorden) || [];
  var folded = new Map();
  words.forEach(function (word) { var key = fold(word); if (!folded.has(key)) folded.set(key, word); });
  return { words: words, folded: folded, names: (data && data.namen) || [] };
}

function known(vocab, word) {
  return vocab.folded.has(word);
}

function startsKnown(vocab, word) {
  if (word.length < 4) return true;  // too short to judge: Pagefind matches it as a beginning
  for (var i = 0; i < vocab.words.length; i++) if (fold(vocab.words[i]).indexOf(word) === 0) return true;
  return false;
}

// The vocabulary holds words of four letters or more, and the shorter parts of zoekwoorden.yaml.
function isPart(vocab, word) {
  return known(vocab, word) || (word.length >= MIN_PART && (known(vocab, word + "en") || known(vocab, word + "e")));
}

export function split(vocab, word) {
  if (word.length < MIN_SPLIT || !/^[a-z]+$/.test(word)) return null;
  var best = null;
  for (var cut = word.length - 3; cut > 2; cut--) {
    var head = word.slice(0, cut), tail = word.slice(cut);
    ["", "s", "e"].forEach(function (link) {
      if (link && head.slice(-1) !== link) return;
      var stem = link ? head.slice(0, -1) : head;
      if (!isPart(vocab, stem)) return;
      var rest = isPart(vocab, tail) || plural(vocab, tail) ? [tail] : split(vocab, tail);
      if (rest && (!best || rest.length + 1 < best.length)) best = [stem].concat(rest);
    });
    if (best && best.length === 2) return best;
  }
  return best;
}

function plural(vocab, word) {
  var bases = [word.replace(/s$/, ""), word.replace(/en$/, ""), word.replace(/ën$/, "e")];
  return bases.some(function (base) { return base !== word && base.length >= MIN_PART && known(vocab, base); });
}

// Optimal string alignment distance (Levenshtein plus swaps of neighbours), stopping above `limit`.
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  var rows = [];
  for (var i = 0; i <= a.length; i++) {
    rows.push([i]);
    var best = i;
    for (var j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0].push(j); continue; }
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
      best = Math.min(best, d);
    }
    if (i > 0 && best > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

export function nearest(vocab, word) {
  var limit = word.length >= 6 ? 2 : 1;
  var found = null, foundDistance = limit + 1;
  vocab.folded.forEach(function (original, key) {
    if (key.length < 4) return;
    var d = distance(word, key, Math.min(limit, foundDistance - 1));
    if (d < foundDistance) { found = original; foundDistance = d; }  // ties: the more frequent word
  });
  return found;
}

/* {query, corrected: [[typed, meant], ...]}; query is what goes to Pagefind. */
export function rewrite(vocab, query) {
  var corrected = [];
  var out = query.trim().split(/\s+/).filter(Boolean).map(function (typed) {
    var word = fold(typed).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
    if (!word || /\d/.test(word) || word.indexOf("-") >= 0 || known(vocab, word)) return typed;
    if (plural(vocab, word)) return typed;
    var parts = split(vocab, word);
    if (parts) return parts.join(" ");
    if (startsKnown(vocab, word)) return typed;
    var meant = nearest(vocab, word);
    if (!meant) return typed;
    if (fold(meant) !== word) corrected.push([typed, meant]);
    return meant;
  });
  return { query: out.join(" "), corrected: corrected };
}

/* The name a corrected query points at: [name, url] or null. Places and provinces first. */
export function suggestion(vocab, rewritten) {
  if (!rewritten.corrected.length) return null;
  var wanted = fold(rewritten.query).split(/\s+/);
  var best = null, bestRank = Infinity;
  vocab.names.forEach(function (entry) {
    var words = fold(entry[0]).split(/[^a-z0-9]+/).filter(Boolean);
    if (!wanted.every(function (w) { return words.indexOf(w) >= 0; })) return;
    var rank = (words.length === wanted.length ? 0 : 10) + (entry[1].indexOf("plaats/") === 0 ? 0 : 5) + words.length;
    if (rank < bestRank) { best = entry; bestRank = rank; }
  });
  return best;
}
