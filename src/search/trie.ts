/**
 * Tries over sorted strings (an index's terms, its written forms), in typed arrays: built in one
 * pass, searched by edit distance for typos and walked by prefix for completions.
 */
/**
 * Edit-distance search (with swaps: optimal string alignment) over a trie: a prefix whose
 * distance row already exceeds the budget skips every entry under it, so only prefixes within
 * reach of the word are visited. The rows live in one preallocated array, the trie in typed arrays.
 * Calls `found` with the id of every entry within `maxEdits` of `term`.
 */
export function searchTrie(trie: Trie, term: string, maxEdits: number, found: (id: number) => void): void {
  const width = term.length + 1;
  const query = Uint16Array.from(term, (char) => char.charCodeAt(0));
  const over = maxEdits + 1;
  // Row d (the distances from a candidate's first d letters to each prefix of the word) at d × width.
  const depthLimit = term.length + maxEdits + 1;
  const rows = new Uint16Array((depthLimit + 1) * width);
  for (let j = 0; j < width; j++) rows[j] = Math.min(j, over);
  const path = new Uint16Array(depthLimit + 1);
  const { firstChild, nextSibling, letter, ends } = trie;
  const visit = (node: number, depth: number): void => {
    const previous = depth * width;
    const current = previous + width;
    const beforeThat = previous - width;
    // Only cells within maxEdits of the diagonal can stay within budget: the rest are "over".
    const from = Math.max(1, depth + 1 - maxEdits);
    const to = Math.min(width - 1, depth + 1 + maxEdits);
    for (let child = firstChild[node]!; child !== -1; child = nextSibling[child]!) {
      const code = letter[child]!;
      rows[current] = Math.min(depth + 1, over);
      if (from > 1) rows[current + from - 1] = over;
      let best = rows[current]!;
      for (let j = from; j <= to; j++) {
        let value = Math.min(
          rows[previous + j]! + 1,
          rows[current + j - 1]! + 1,
          rows[previous + j - 1]! + (query[j - 1] === code ? 0 : 1),
        );
        // Two neighbouring letters swapped count as one edit.
        if (depth > 0 && j > 1 && code === query[j - 2] && path[depth - 1] === query[j - 1])
          value = Math.min(value, rows[beforeThat + j - 2]! + 1);
        value = Math.min(value, over);
        rows[current + j] = value;
        if (value < best) best = value;
      }
      if (to < width - 1) rows[current + to + 1] = over;
      if (best > maxEdits) continue;
      path[depth] = code;
      const id = ends[child]!;
      // (A length further than maxEdits from the word's is out of reach, and outside the band.)
      if (id >= 0 && Math.abs(depth + 1 - term.length) <= maxEdits && rows[current + term.length]! <= maxEdits) {
        found(id);
      }
      if (depth + 1 < depthLimit) visit(child, depth + 1);
    }
  };
  visit(0, 0);
}

/** The sorted terms as a trie: node 0 is the root; children in letter order; `ends` is the term a node completes, or -1. */
export interface Trie {
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  readonly letter: Uint16Array;
  readonly ends: Int32Array;
}

/** Builds the trie from sorted terms in one pass (each term shares its prefix with the one before). */
export function buildTrie(terms: readonly string[]): Trie {
  let capacity = Math.max(16, terms.length * 3);
  let firstChild: Int32Array = new Int32Array(capacity).fill(-1);
  let nextSibling: Int32Array = new Int32Array(capacity).fill(-1);
  let letter: Uint16Array = new Uint16Array(capacity);
  let ends: Int32Array = new Int32Array(capacity).fill(-1);
  let nodes = 1;
  /** The nodes along the previous term, by depth (path[0] is the root), and each node's last child. */
  const path: number[] = [0];
  const lastChild: number[] = [-1];
  let previous = '';
  terms.forEach((term, id) => {
    let common = 0;
    while (common < term.length && common < previous.length && term.charCodeAt(common) === previous.charCodeAt(common))
      common++;
    path.length = common + 1;
    lastChild.length = common + 1;
    for (let depth = common; depth < term.length; depth++) {
      if (nodes === capacity) {
        capacity *= 2;
        firstChild = growFilled(firstChild, capacity);
        nextSibling = growFilled(nextSibling, capacity);
        ends = growFilled(ends, capacity);
        const grownLetters = new Uint16Array(capacity);
        grownLetters.set(letter);
        letter = grownLetters;
      }
      const node = nodes++;
      const parent = path[depth]!;
      letter[node] = term.charCodeAt(depth);
      const sibling = lastChild[depth]!;
      if (sibling === -1) firstChild[parent] = node;
      else nextSibling[sibling] = node;
      lastChild[depth] = node;
      path.push(node);
      lastChild.push(-1);
    }
    ends[path[term.length]!] = id;
    previous = term;
  });
  return {
    firstChild: firstChild.slice(0, nodes),
    nextSibling: nextSibling.slice(0, nodes),
    letter: letter.slice(0, nodes),
    ends: ends.slice(0, nodes),
  };
}

/**
 * The written forms of every term, sorted (ties by term), as a trie: form i is spelled by the path
 * from the root to `node[i]` and belongs to term `termOf[i]`; a node's `ends` is the last form it
 * spells. Typed arrays only: the thread that builds an index derives this and hands it over with
 * the index (src/rebuild/handover.ts), so no question after a reload waits for it to be built, and
 * the heap of the thread that answers holds no string per form.
 */
export interface FormTrie {
  readonly trie: Trie;
  /** Each node's parent (the root's is -1). */
  readonly parent: Int32Array;
  readonly node: Int32Array;
  readonly termOf: Int32Array;
}

/** The form trie of an index whose term `id` has the written forms `termForms[id]`, joined by `separator`. */
export function buildFormTrie(termForms: readonly string[], separator: string): FormTrie {
  const pairs: Array<readonly [string, number]> = [];
  termForms.forEach((joined, id) => {
    for (const form of joined.split(separator)) pairs.push([form, id]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const trie = buildTrie(pairs.map(([form]) => form));
  const { firstChild, nextSibling, ends } = trie;
  const parent = new Int32Array(ends.length).fill(-1);
  const node = new Int32Array(pairs.length).fill(-1);
  for (let at = 0; at < ends.length; at++) {
    for (let child = firstChild[at]!; child !== -1; child = nextSibling[child]!) parent[child] = at;
    if (ends[at]! >= 0) node[ends[at]!] = at;
  }
  // A form written for several terms is one node: the forms before the last of such a run are spelled there too.
  for (let form = pairs.length - 2; form >= 0; form--) if (node[form] === -1) node[form] = node[form + 1]!;
  return { trie, parent, node, termOf: Int32Array.from(pairs, ([, id]) => id) };
}

/** Form `index` of the trie, spelled out. */
export function formAt(forms: FormTrie, index: number): string {
  const codes: number[] = [];
  for (let at = forms.node[index]!; at > 0; at = forms.parent[at]!) codes.push(forms.trie.letter[at]!);
  return String.fromCharCode(...codes.reverse());
}

/** The first `limit` forms that begin with `prefix` and are longer, in sorted order: their indexes. */
export function formsWithPrefix(forms: FormTrie, prefix: string, limit: number): number[] {
  const { firstChild, nextSibling, letter, ends } = forms.trie;
  let at = 0;
  for (let i = 0; i < prefix.length && at !== -1; i++) {
    let child = firstChild[at]!;
    while (child !== -1 && letter[child] !== prefix.charCodeAt(i)) child = nextSibling[child]!;
    at = child;
  }
  const found: number[] = [];
  // Children are in letter order, and a node's own forms come before its children's: sorted order.
  const visit = (parent: number): void => {
    for (let child = firstChild[parent]!; child !== -1 && found.length < limit; child = nextSibling[child]!) {
      const last = ends[child]!;
      if (last >= 0) {
        let first = last;
        while (first > 0 && forms.node[first - 1] === child) first--;
        for (let form = first; form <= last && found.length < limit; form++) found.push(form);
      }
      visit(child);
    }
  };
  if (at !== -1) visit(at);
  return found;
}

function growFilled(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size).fill(-1);
  grown.set(array);
  return grown;
}
