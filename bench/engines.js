// The engines the comparison runs in a plain page beside the app (loaded by bench/compare.mjs
// after FlexSearch's and MiniSearch's own bundles): a plain scan, FlexSearch and MiniSearch,
// each over the statements' texts of /corpus.json, each answering the app's search syntax
// (prefix words, "exact phrases", -exclusions, a OR b) the way a developer would build it on
// that library: the library finds the statements with the words; a phrase's candidates are
// then checked against the statement's words in order, as neither library keeps positions.
//
// The scan is the reference: it reads the syntax exactly as the app's engine does
// (crates/core/src/query/text.rs), word by word, with the same folding.
//
// A word also finds the statements of the speakers, countries and topics it names, as in the
// app (crates/core/src/query/fields.rs): each engine's text search is joined with one shared
// scan of those names (a speaker's every name and alias in the corpus, each a separate entry,
// so a phrase never spans two). They are few next to the statements; the app keeps them in a
// small index of its own the same way.

(() => {
  /** Folded forms the app writes differently from Unicode decomposition (crates/core/src/fold.rs). */
  const SPECIAL = { æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd', đ: 'd', ł: 'l', ø: 'o', ı: 'i' };

  /** One word folded: lowercase, accents removed. */
  function fold(word) {
    return word
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[æœßþðđłøı]/g, (c) => SPECIAL[c]);
  }

  /** The folded words of a text, split at anything not a letter or digit. */
  function words(text) {
    return text.split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).map(fold);
  }

  const isQuote = (c) => c === '"' || c === '“' || c === '”' || c === '„';

  /**
   * The search box's text as clauses that must all hold: `{ negated, anyOf: [term] }`, a term
   * `{ prefix: word }` or `{ phrase: [words] }`. A port of `parse_search`.
   */
  function parseSearch(input) {
    const items = [];
    let rest = input.trimStart();
    while (rest.length > 0) {
      const negated = rest.startsWith('-') && rest.length > 1;
      const body = negated ? rest.slice(1) : rest;
      let raw;
      let phrase;
      let used;
      if (isQuote(body[0])) {
        const inner = body.slice(1);
        let close = inner.search(/["“”„]/);
        if (close < 0) close = inner.length;
        raw = inner.slice(0, close);
        phrase = true;
        used = 1 + Math.min(close + 1, inner.length);
      } else {
        const end = body.search(/\s/);
        raw = body.slice(0, end < 0 ? body.length : end);
        phrase = false;
        used = raw.length;
      }
      rest = rest.slice(Math.min((negated ? 1 : 0) + used, rest.length)).trimStart();
      if (raw === 'OR' && !phrase && !negated) {
        items.push('OR');
        continue;
      }
      const folded = words(raw);
      if (folded.length === 0) continue;
      const term = folded.length === 1 && !phrase ? { prefix: folded[0] } : { phrase: folded };
      items.push({ negated, term });
    }
    const clauses = [];
    let joinNext = false;
    for (const item of items) {
      if (item === 'OR') {
        joinNext = clauses.length > 0;
        continue;
      }
      const last = clauses.at(-1);
      if (joinNext && last && last.negated === item.negated) {
        last.anyOf.push(item.term);
      } else {
        clauses.push({ negated: item.negated, anyOf: [item.term] });
      }
      joinNext = false;
    }
    return clauses;
  }

  const hasPhrase = (ws, phrase) => {
    for (let i = 0; i + phrase.length <= ws.length; i += 1) {
      let j = 0;
      while (j < phrase.length && ws[i + j] === phrase[j]) j += 1;
      if (j === phrase.length) return true;
    }
    return false;
  };

  /** How many statements match `text`, given an engine's sets of statement numbers per term. */
  function count(engine, n, text) {
    let result = null;
    const excluded = new Set();
    for (const clause of parseSearch(text)) {
      const set = new Set();
      for (const term of clause.anyOf) {
        for (const doc of term.prefix !== undefined ? engine.prefix(term.prefix) : engine.phrase(term.phrase)) {
          set.add(doc);
        }
      }
      if (clause.negated) {
        for (const doc of set) excluded.add(doc);
      } else {
        result = result === null ? set : new Set([...result].filter((d) => set.has(d)));
      }
    }
    if (result === null) return n - excluded.size;
    let total = 0;
    for (const doc of result) if (!excluded.has(doc)) total += 1;
    return total;
  }

  /** Every statement's text, in corpus order. */
  function texts(corpus) {
    return corpus.readouts.flatMap((r) => r.statements.map((s) => s.text));
  }

  /**
   * The names that words find besides the text: `{ entries: [[key, folded words]], docs:
   * Map(key → statement numbers) }`, keys `s:<speaker id>`, `c:<country>`, `t:<topic>`.
   */
  function names(corpus) {
    const docs = new Map();
    const forms = new Map();
    const add = (key, d) => (docs.get(key) ?? docs.set(key, []).get(key)).push(d);
    const form = (key, text) => (forms.get(key) ?? forms.set(key, new Set()).get(key)).add(text);
    let d = 0;
    for (const readout of corpus.readouts) {
      const people = new Map(readout.participants.map((p) => [p.id, p]));
      for (const p of readout.participants) {
        for (const name of [p.name, ...(p.aliases ?? [])]) form(`s:${p.id}`, name);
      }
      for (const statement of readout.statements) {
        const keys = new Set();
        for (const id of statement.speakers) {
          keys.add(`s:${id}`);
          const country = people.get(id)?.country;
          if (country) keys.add(`c:${country}`);
        }
        for (const topic of statement.topics ?? []) keys.add(`t:${topic}`);
        for (const key of keys) {
          add(key, d);
          if (!key.startsWith('s:')) form(key, key.slice(2));
        }
        d += 1;
      }
    }
    const entries = [...forms].flatMap(([key, texts]) => [...texts].map((t) => [key, words(t)]));
    return { entries, docs };
  }

  /** `engine`'s text search, plus the statements of the names a term matches. */
  function withNames(engine, { entries, docs }) {
    const named = (test) => {
      const keys = new Set(entries.filter(([, ws]) => test(ws)).map(([key]) => key));
      return [...keys].flatMap((key) => docs.get(key) ?? []);
    };
    return {
      prefix: (w) => [...engine.prefix(w), ...named((ws) => ws.some((x) => x.startsWith(w)))],
      phrase: (p) => [...engine.phrase(p), ...named((ws) => hasPhrase(ws, p))],
    };
  }

  const ENGINES = {
    scan(all) {
      const folded = all.map(words);
      const every = (test) => folded.flatMap((ws, d) => (test(ws) ? [d] : []));
      return {
        prefix: (w) => every((ws) => ws.some((x) => x.startsWith(w))),
        phrase: (p) => every((ws) => hasPhrase(ws, p)),
      };
    },
    flexsearch(all) {
      const index = new window.FlexSearch.Index({ tokenize: 'forward', encode: words });
      all.forEach((text, d) => index.add(d, text));
      const limit = all.length;
      const folded = [];
      const wordsOf = (d) => (folded[d] ??= words(all[d]));
      return {
        prefix: (w) => index.search(w, { limit }),
        phrase: (p) => index.search(p.join(' '), { limit }).filter((d) => hasPhrase(wordsOf(d), p)),
      };
    },
    minisearch(all) {
      const index = new window.MiniSearch({
        fields: ['text'],
        tokenize: (text) => text.split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean),
        processTerm: fold,
        searchOptions: { prefix: false, fuzzy: false },
      });
      index.addAll(all.map((text, id) => ({ id, text })));
      const folded = [];
      const wordsOf = (d) => (folded[d] ??= words(all[d]));
      return {
        prefix: (w) => index.search(w, { prefix: true }).map((r) => r.id),
        phrase: (p) => index
          .search(p.join(' '), { combineWith: 'AND' })
          .map((r) => r.id)
          .filter((d) => hasPhrase(wordsOf(d), p)),
      };
    },
  };

  let loaded = null;

  /** Fetches and reads the corpus, then builds `name`'s index: the times of each step. */
  window.benchLoad = async (name) => {
    loaded = null;
    const start = performance.now();
    const corpus = await (await fetch('/corpus.json')).json();
    const all = texts(corpus);
    const read = performance.now();
    const engine = withNames(ENGINES[name](all), names(corpus));
    const built = performance.now();
    loaded = { engine, n: all.length };
    return { readMs: read - start, buildMs: built - read, statements: all.length };
  };

  /** Runs each query `runs` times on the loaded engine: the median time, and its count. */
  window.benchQueries = (queries, runs) => queries.map((text) => {
    const times = [];
    let total;
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      total = count(loaded.engine, loaded.n, text);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(runs / 2)], count: total };
  });
})();
