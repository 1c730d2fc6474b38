/*
 * The form "Voorbeeld toevoegen": "bedoelt u ...?", as the checker finds it.
 *
 * closeMatch is Python's difflib.get_close_matches(word, options, n=1,
 * cutoff=0.6) (schema_errors.close_matches): the ratio 2*M/T of
 * SequenceMatcher, with M the characters of its matching blocks. The words
 * are short (ids and field names), so difflib's junk heuristics never apply
 * and are left out. No DOM.
 */
var MAX_LENGTH = 100; // schema_errors.SUGGEST_MAX_LENGTH

// The longest common run of a[alo:ahi] and b[blo:bhi]; the first in a, then in b, on a tie.
function longest(a, b, alo, ahi, blo, bhi) {
  var best = [alo, blo, 0], lengths = {};
  for (var i = alo; i < ahi; i++) {
    var next = {};
    for (var j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue;
      var k = next[j] = (lengths[j - 1] || 0) + 1;
      if (k > best[2]) best = [i - k + 1, j - k + 1, k];
    }
    lengths = next;
  }
  return best;
}

function matched(a, b, alo, ahi, blo, bhi) {
  var found = longest(a, b, alo, ahi, blo, bhi), i = found[0], j = found[1], k = found[2];
  if (!k) return 0;
  return k + matched(a, b, alo, i, blo, j) + matched(a, b, i + k, ahi, j + k, bhi);
}

export function ratio(word, option) {
  var a = Array.from(word), b = Array.from(option), total = a.length + b.length;
  return total ? 2 * matched(a, b, 0, a.length, 0, b.length) / total : 1;
}

// The option most like `word` with a ratio of at least 0.6, or null; a tie goes to the larger string, as in Python.
export function closeMatch(word, options) {
  if (Array.from(word).length > MAX_LENGTH) return null;
  var best = null, score = -1;
  options.forEach(function (option) {
    if (Array.from(option).length > MAX_LENGTH) return;
    var r = ratio(word, option);
    if (r >= 0.6 && (r > score || (r === score && option > best))) { best = option; score = r; }
  });
  return best;
}
