// wegwijs: the questionnaire of `wegwijs ask`, in one page.
//
// The graph comes from the JSON block above, already resolved (see src/export/data.rs). The
// walk below follows src/engine.rs rule for rule and the question order follows src/ask/mod.rs;
// tests/js/browser.mjs checks that every plan here equals `wegwijs plan` for the same answers.
// Every element is built with DOM calls and every text set with textContent: nothing from the
// graph is ever parsed as HTML. Nothing is stored and nothing is sent.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('wegwijs-data').textContent);
  const main = document.getElementById('main');
  const LANGUAGE_NAMES = { nl: 'Nederlands', en: 'English' };
  // The catalog sections of a plan, in order, with their headings.
  const SECTIONS = [
    ['partner', () => ui('partners')],
    ['training', () => ui('trainings')],
    ['resource', () => ui('resources')],
    ['network', () => ui('networks')],
  ];
  const CATALOGS = {
    partner: data.partners,
    training: data.trainings,
    resource: data.resources,
    network: data.networks,
  };

  const state = {
    lang: data.lang,
    role: null,
    concern: null,
    answers: data.questions.map(() => null),
    // What was answered in this visit, in order: 'role', 'concern' or a question index.
    history: [],
    // Earlier answers, so a question that comes back shows what was chosen before.
    earlier: new Map(),
    // The answer being changed from the review, and what it was: Back there restores it.
    changing: null,
    screen: 'ask',
  };

  // ---- The walk (src/engine.rs) ----

  function get(ask) {
    if (ask === 'role') return state.role;
    if (ask === 'concern') return state.concern;
    return state.answers[ask];
  }

  function set(ask, value) {
    if (ask === 'role') state.role = value;
    else if (ask === 'concern') state.concern = value;
    else state.answers[ask] = value;
  }

  // Whether every clause of a `when` holds: role and concern as chosen, a question only as
  // answered on the path so far (src/engine.rs, on_path).
  function holds(when, path) {
    return when.every((clause) => {
      let answer = null;
      if (clause.ask === 'role') answer = state.role;
      else if (clause.ask === 'concern') answer = state.concern;
      else {
        const visit = path.find((v) => v.ask === clause.ask);
        if (visit) answer = visit.answer;
      }
      return answer !== null && clause.options.includes(answer);
    });
  }

  // Walks the graph with the answers given so far, assuming nothing. Returns {needs: ask} at
  // the first open question, or {done: outcome} at the end of the path.
  function walk() {
    let node = data.start;
    const path = [];
    const items = [];
    for (;;) {
      if (path.length >= data.nodes.length) throw new Error('the rule graph has a cycle');
      const n = data.nodes[node];
      // The answer first: a `when` may name the question this very node asks.
      let next;
      if (n.ask === null) {
        path.push({ ask: null, answer: null });
        next = n.next;
      } else {
        const answer = get(n.ask);
        if (answer === null) return { needs: n.ask };
        path.push({ ask: n.ask, answer });
        next = n.then[answer];
        if (next === null || next === undefined) throw new Error('a node has no branch for the answer');
      }
      for (const add of n.add) {
        if (add.when && !holds(add.when, path)) continue;
        const urgent = add.kind === 'step' && data.steps[add.entry].urgent;
        const item = items.find((i) => i.kind === add.kind && i.entry === add.entry);
        if (item) {
          item.priority = Math.min(item.priority, add.priority);
          item.from.push(add);
        } else {
          items.push({ kind: add.kind, entry: add.entry, priority: add.priority, urgent, from: [add] });
        }
      }
      if (next === null) break;
      node = next;
    }
    // Array.prototype.sort is stable: equals keep the order they were first added in.
    items.sort((a, b) => (a.urgent === b.urgent ? 0 : a.urgent ? -1 : 1) || a.priority - b.priority);
    if (state.role === null) return { needs: 'role' };
    if (state.concern === null) return { needs: 'concern' };
    return { done: { path, items } };
  }

  // What comes next (src/ask/mod.rs): {ask} for the next question, acute danger first, then
  // role and concern, then what the path needs; or {outcome} when the path is complete.
  function next() {
    const w = walk();
    if (w.done) return { outcome: w.done };
    if (w.needs === data.safety) return { ask: w.needs };
    if (state.role === null) return { ask: 'role' };
    if (state.concern === null) return { ask: 'concern' };
    return { ask: w.needs };
  }

  function choose(ask, value) {
    set(ask, value);
    state.history.push(ask);
    state.changing = null;
    // With the path complete, render() shows the review: the plan only comes after it.
    state.screen = 'ask';
    remember();
    render(true);
  }

  // Clears `ask` and every answer given after it, so no stale answer survives a new route.
  function clearFrom(ask) {
    let from = state.history.indexOf(ask);
    if (from < 0) from = state.history.length;
    for (const a of state.history.splice(from).concat([ask])) {
      if (get(a) !== null) state.earlier.set(a, get(a));
      set(a, null);
    }
  }

  function back() {
    const c = state.changing;
    state.changing = null;
    if (c && next().ask === c.ask) {
      // Back from an answer being changed: keep it as it was and return to the review.
      set(c.ask, c.was);
      state.history.push(c.ask);
      state.screen = 'review';
      render(true);
      return;
    }
    if (state.history.length === 0) return;
    clearFrom(state.history[state.history.length - 1]);
    state.screen = 'ask';
    render(true);
  }

  function startAgain() {
    state.history = [];
    for (let q = 0; q < state.answers.length; q++) state.answers[q] = null;
    state.role = null;
    state.concern = null;
    state.earlier.clear();
    state.changing = null;
    state.screen = 'ask';
    remember();
    render(true);
  }

  // The browser's own Back button goes back one question instead of leaving the page. Only
  // the number of answers is put in the session history: never an answer itself.
  function remember() {
    try {
      history.pushState({ depth: state.history.length, screen: state.screen }, '');
    } catch (e) {
      // Some browsers refuse history entries for local files; the page's own Back still works.
    }
  }

  window.addEventListener('popstate', (event) => {
    const depth = event.state && typeof event.state.depth === 'number' ? event.state.depth : 0;
    if (depth < state.history.length) {
      clearFrom(state.history[depth]);
      state.screen = 'ask';
    } else if (depth === state.history.length && next().outcome) {
      state.screen = event.state && event.state.screen === 'plan' ? 'plan' : 'review';
    }
    render(true);
  });

  // ---- The plan (src/plan.rs) ----

  function t(localized) {
    return localized ? localized[state.lang] : null;
  }

  function ui(key) {
    return data.ui[state.lang][key];
  }

  function today() {
    const now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }

  function reviewDue(reviewed) {
    const [y, m, d] = reviewed.split('-').map(Number);
    return (today() - Date.UTC(y, m - 1, d)) / 86400000 > data.max_age_days;
  }

  // A cited page as plans name it (src/render/mod.rs, cited): its title and the date it states.
  function pageDate(source) {
    return source.dated === 'undated' ? ui('pageUndated') : `${ui('pageDated')} ${source.dated}`;
  }

  function cited(source) {
    return `${source.title} (${pageDate(source)})`;
  }

  function recommendation(kind, entry) {
    const rec = {
      kind, id: '', text: '', summary: null, why: null, partner: null, contact: {},
      source: null, reviewed: null, reviewDue: false, verified: true, caveat: null, local: null,
    };
    if (kind === 'step') {
      const step = data.steps[entry];
      rec.id = step.id;
      rec.text = t(step.text);
      if (step.partner !== null) {
        // A step shows its partner's contact details, so it carries their caveat too.
        const p = data.partners[step.partner];
        rec.contact = p.contact;
        rec.verified = p.verified;
        rec.caveat = t(p.caveat);
        // And their age: a phone number that is due for a check is flagged here too.
        rec.reviewDue = reviewDue(p.reviewed);
        rec.local = localRoute(p.local);
        // Once a slot is filled, the step's generic party has a local name.
        if (rec.local && rec.local.filledBy) rec.localName = t(p.name);
      }
    } else if (kind === 'advice') {
      const advice = data.advice[entry];
      rec.id = advice.id;
      rec.text = t(advice.text);
    } else {
      const e = CATALOGS[kind][entry];
      rec.id = e.id;
      rec.text = t(e.name);
      rec.summary = t(e.summary);
      rec.why = t(e.why);
      if (e.provider !== null) rec.partner = t(data.partners[e.provider].name);
      rec.contact = e.contact;
      rec.source = e.source === null ? null : data.sources[e.source];
      rec.reviewed = e.reviewed;
      rec.reviewDue = reviewDue(e.reviewed);
      rec.verified = e.verified;
      rec.caveat = t(e.caveat);
      rec.local = localRoute(e.local);
    }
    return rec;
  }

  // A local slot: the overlay that filled it, or how to find the local party while none has.
  function localRoute(local) {
    if (!local) return null;
    const by = local.filled_by;
    return {
      find: t(local.find),
      filledBy: by ? { name: t(by.name), version: by.version, reviewed: by.reviewed } : null,
    };
  }

  function localText(rec) {
    if (!rec.local) return null;
    const by = rec.local.filledBy;
    return by
      ? `${ui('localFrom')}: ${by.name}, ${ui('version')} ${by.version} · ${ui('reviewed')} ${by.reviewed}`
      : `${ui('localOpen')}: ${rec.local.find}`;
  }

  // The follow-up questions on the path with their answers (role and concern are in the title).
  function answered(path) {
    return path.filter((v) => typeof v.ask === 'number').map((v) => {
      const q = data.questions[v.ask];
      return { text: t(q.text), label: t(q.options[v.answer].label) };
    });
  }

  function buildPlan(outcome) {
    const cited = [];
    const recommendations = outcome.items.map((item) => {
      const rec = recommendation(item.kind, item.entry);
      rec.urgent = item.urgent;
      // The first node on the path that gives a reason for this case wins over the entry's own.
      const because = item.from.find((add) => add.why);
      if (because) rec.why = t(because.why);
      if (rec.source !== null && !cited.includes(rec.source)) cited.push(rec.source);
      return rec;
    });
    return {
      title: t(data.graph.title),
      role: t(data.roles[state.role].label),
      concern: t(data.concerns[state.concern].label),
      asked: answered(outcome.path),
      emergency: t(data.graph.emergency),
      recommendations,
      sources: data.sources.filter((s) => cited.includes(s)),
    };
  }

  // ---- Building the page ----

  // What must never reach the screen raw, exactly as src/render/mod.rs (is_dangerous) has it
  // for the terminal: control characters but newline and tab, bidirectional marks, overrides
  // and isolates, the zero-width space, and the line and paragraph separators. "VCP \u202Eevil"
  // would otherwise show reversed. A unit test in src/export/mod.rs compares the two lists.
  const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

  // `s` with each hidden character shown as its escape, `\u{202e}`, as the command line does.
  function shown(s) {
    return String(s).replace(HIDDEN, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  }

  // Attributes whose value is read out or printed, so they get the same treatment as text.
  const SHOWN_ATTRIBUTES = ['aria-label', 'data-url'];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : SHOWN_ATTRIBUTES.includes(k) ? shown(v) : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(shown(child)));
    }
    return node;
  }

  function button(label, onclick, extra) {
    return el('button', Object.assign({ type: 'button', onclick }, extra || {}), label);
  }

  function isWebAddress(s) {
    return /^https?:\/\/[^\s]+$/i.test(s);
  }

  // On paper a link is its address: print it after the text, unless the text is the address.
  function link(href, text) {
    const url = text === href ? null : href;
    return el('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-url': url }, text,
      el('span', { class: 'visually-hidden' }, ` (${ui('opensNewWindow')})`));
  }

  function contactLine(contact) {
    const parts = [];
    if (contact.website) {
      const site = isWebAddress(contact.website) ? link(contact.website, contact.website) : contact.website;
      parts.push(el('span', {}, `${ui('website')}: `, site));
    }
    if (contact.phone) {
      const dial = contact.phone.replace(/[^0-9+]/g, '');
      const phone = dial ? el('a', { href: `tel:${dial}` }, contact.phone) : contact.phone;
      parts.push(el('span', {}, `${ui('phone')}: `, phone));
    }
    if (contact.email) {
      const ok = /^[^\s@<>()"]+@[^\s@<>()"]+$/.test(contact.email);
      const mail = ok ? el('a', { href: `mailto:${contact.email}` }, contact.email) : contact.email;
      parts.push(el('span', {}, `${ui('email')}: `, mail));
    }
    return parts.length ? el('p', { class: 'contact' }, parts) : null;
  }

  function localLine(rec) {
    const text = localText(rec);
    if (!text) return null;
    return el('p', { class: rec.local.filledBy ? 'meta local' : 'local open' }, text);
  }

  function unverifiedLine(rec) {
    if (rec.verified) return null;
    const label = capitalize(ui('unverified'));
    return el('p', { class: 'warn' }, rec.caveat ? `${label}: ${rec.caveat}` : label);
  }

  function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function describeAsk(ask) {
    const choices = (list) => list.map((c) => ({ label: t(c.label), help: t(c.description) }));
    if (ask === 'role') return { text: ui('askRole'), help: null, options: choices(data.roles), safety: false };
    if (ask === 'concern') return { text: ui('askConcern'), help: null, options: choices(data.concerns), safety: false };
    const q = data.questions[ask];
    return {
      text: t(q.text),
      help: t(q.help),
      options: q.options.map((o) => ({ label: t(o.label), help: t(o.help) })),
      safety: ask === data.safety,
    };
  }

  function renderAsk(ask, moveFocus) {
    const q = describeAsk(ask);
    const earlier = state.earlier.has(ask) ? state.earlier.get(ask) : null;
    const options = q.options.map((o, i) => {
      const id = `option-${i}`;
      const hint = o.help ? el('span', { class: 'hint', id: `${id}-hint` }, o.help) : null;
      return el('label', { class: 'option', for: id },
        el('input', {
          type: 'radio', name: 'answer', id, value: String(i), required: true,
          checked: earlier === i, 'aria-describedby': hint ? `${id}-hint` : null,
        }),
        el('span', { class: 'label' }, o.label),
        hint);
    });
    const form = el('form', { id: 'question', 'data-ask': String(ask), onsubmit: (event) => {
      event.preventDefault();
      const picked = form.querySelector('input[name="answer"]:checked');
      if (!picked) {
        form.reportValidity();
        return;
      }
      choose(ask, Number(picked.value));
    } },
    el('fieldset', { 'aria-describedby': q.help ? 'question-help' : null },
      el('legend', { id: 'question-text' }, q.text),
      q.safety ? el('p', { class: 'tag' }, ui('safetyQuestion')) : null,
      q.help ? el('p', { class: 'help', id: 'question-help' }, q.help) : null,
      el('div', { class: 'options' }, options)),
    el('div', { class: 'actions' },
      state.history.length || state.changing ? button(ui('back'), back, { id: 'back' }) : null,
      el('button', { type: 'submit', class: 'primary', id: 'next' }, ui('next'))));
    const intro = state.history.length === 0 ? [el('p', { class: 'intro' }, ui('intro'))] : [];
    main.replaceChildren(...intro, form);
    if (moveFocus) (form.querySelector('input:checked') || form.querySelector('input')).focus();
  }

  function summaryRows(outcome) {
    const rows = [];
    if (state.role !== null) rows.push({ ask: 'role', question: ui('role'), answer: t(data.roles[state.role].label) });
    if (state.concern !== null) rows.push({ ask: 'concern', question: ui('concern'), answer: t(data.concerns[state.concern].label) });
    for (const v of outcome.path.filter((x) => typeof x.ask === 'number')) {
      const q = data.questions[v.ask];
      rows.push({ ask: v.ask, question: t(q.text), answer: t(q.options[v.answer].label) });
    }
    return rows;
  }

  // Asks `ask` again and keeps every other answer (src/ask/mod.rs): the walk then uses those
  // the new path still needs, asks only what is new to it, and the review and the plan show
  // only answers on the path.
  function change(ask) {
    const was = get(ask);
    if (was !== null) state.earlier.set(ask, was);
    state.changing = { ask, was };
    set(ask, null);
    state.history = state.history.filter((a) => a !== ask);
    state.screen = 'ask';
    render(true);
  }

  function renderReview(outcome, moveFocus) {
    const heading = el('h2', { tabindex: '-1', id: 'review-title' }, ui('reviewTitle'));
    const rows = summaryRows(outcome).map((row) => el('li', { 'data-ask': String(row.ask) },
      el('span', { class: 'q' }, row.question),
      el('span', { class: 'a' }, row.answer),
      button(ui('change'), () => change(row.ask), { 'aria-label': `${ui('change')}: ${row.question}` })));
    main.replaceChildren(heading, el('ul', { class: 'review' }, rows),
      el('div', { class: 'actions' },
        button(ui('back'), back, { id: 'back' }),
        button(ui('showPlan'), () => {
          state.screen = 'plan';
          remember();
          render(true);
        }, { class: 'primary', id: 'show-plan' })));
    if (moveFocus) heading.focus();
  }

  function recItem(rec) {
    return el('li', { 'data-kind': rec.kind, 'data-id': rec.id });
  }

  function stepList(recs, urgent) {
    return el('ol', { class: urgent ? 'steps urgent' : 'steps' }, recs.map((rec) => {
      const li = recItem(rec);
      li.append(el('p', {}, rec.text));
      if (rec.why) li.append(el('p', { class: 'meta' }, rec.why));
      if (rec.localName) li.append(el('p', {}, rec.localName));
      for (const line of [contactLine(rec.contact), localLine(rec)]) if (line) li.append(line);
      if (rec.reviewDue) li.append(el('p', { class: 'warn' }, capitalize(ui('reviewedLongAgo'))));
      const unverified = unverifiedLine(rec);
      if (unverified) li.append(unverified);
      return li;
    }));
  }

  function entryList(recs) {
    return el('ul', { class: 'entries' }, recs.map((rec) => {
      const li = recItem(rec);
      li.append(el('h4', {}, rec.text));
      if (rec.partner) li.append(el('p', {}, `${ui('offeredBy')}: ${rec.partner}`));
      if (rec.summary) li.append(el('p', {}, `${ui('whatTheyOffer')}: ${rec.summary}`));
      if (rec.why) li.append(el('p', {}, `${ui('whyNow')}: ${rec.why}`));
      const contact = contactLine(rec.contact);
      if (contact) li.append(contact);
      const local = localLine(rec);
      if (local) li.append(local);
      const checked = [];
      if (rec.source && rec.reviewed) checked.push(`${ui('source')}: ${cited(rec.source)} · ${ui('reviewed')} ${rec.reviewed}`);
      if (checked.length) li.append(el('p', { class: 'meta' }, checked.join(' · ')));
      if (rec.reviewDue) li.append(el('p', { class: 'warn' }, capitalize(ui('reviewedLongAgo'))));
      const unverified = unverifiedLine(rec);
      if (unverified) li.append(unverified);
      return li;
    }));
  }

  function renderPlan(outcome, moveFocus) {
    const plan = buildPlan(outcome);
    const of = (kind) => plan.recommendations.filter((r) => r.kind === kind);
    const title = `${ui('planTitle')}: ${plan.role} · ${plan.concern}`;
    document.title = shown(`${title} · ${plan.title}`);
    const heading = el('h2', { tabindex: '-1', id: 'plan-title' }, title);
    const parts = [heading];
    if (plan.asked.length) {
      parts.push(el('h3', {}, ui('answers')),
        el('ul', { class: 'answers' }, plan.asked.map((a) => el('li', {}, `${a.text} ${a.label}`))));
    }
    const urgent = of('step').filter((r) => r.urgent);
    const steps = of('step').filter((r) => !r.urgent);
    if (urgent.length) parts.push(el('h3', { class: 'urgent' }, ui('urgent')), stepList(urgent, true));
    if (steps.length) parts.push(el('h3', {}, ui('nextSteps')), stepList(steps, false));
    for (const [kind, heading] of SECTIONS) {
      const recs = of(kind);
      if (recs.length) parts.push(el('h3', {}, heading()), entryList(recs));
    }
    const advice = of('advice');
    if (advice.length) {
      parts.push(el('h3', {}, ui('advice')), el('ul', { class: 'advice' }, advice.map((rec) => {
        const li = recItem(rec);
        li.append(rec.text);
        return li;
      })));
    }
    if (plan.sources.length) {
      const list = [];
      plan.sources.forEach((s, i) => {
        if (i > 0) list.push('; ');
        list.push(isWebAddress(s.url) ? link(s.url, s.title) : s.title, ` (${pageDate(s)})`);
      });
      parts.push(el('p', { class: 'meta sources' }, `${ui('sources')}: `, list));
    }
    const status = el('p', { class: 'status', role: 'status', id: 'status' });
    const fallback = el('textarea', { class: 'copy', readonly: true, hidden: true, 'aria-label': ui('copyPlan'), id: 'copy-text' });
    parts.push(el('div', { class: 'actions' },
      button(ui('copyPlan'), () => copy(planText(plan), status, fallback), { class: 'primary', id: 'copy' }),
      button(ui('print'), () => window.print(), { id: 'print' }),
      button(ui('changeAnswers'), () => {
        state.screen = 'review';
        render(true);
      }, { id: 'change-answers' }),
      button(ui('startAgain'), startAgain, { id: 'start-again' })), status, fallback);
    main.replaceChildren(el('section', { id: 'plan', 'aria-labelledby': 'plan-title' }, parts));
    if (moveFocus) heading.focus();
  }

  // The plan as plain text, laid out like `wegwijs plan` prints it, for e-mail or a case file.
  function planText(plan) {
    const lines = [`${ui('planTitle')}: ${plan.role} · ${plan.concern}`, '', plan.emergency];
    const contact = (c, indent) => {
      const parts = [];
      if (c.website) parts.push(`${ui('website')}: ${c.website}`);
      if (c.phone) parts.push(`${ui('phone')}: ${c.phone}`);
      if (c.email) parts.push(`${ui('email')}: ${c.email}`);
      if (parts.length) lines.push(indent + parts.join(' · '));
    };
    const unverified = (rec, indent) => {
      if (!rec.verified) lines.push(indent + capitalize(ui('unverified')) + (rec.caveat ? `: ${rec.caveat}` : ''));
    };
    if (plan.asked.length) {
      lines.push('', ui('answers'));
      for (const a of plan.asked) lines.push(`  ${a.text} ${a.label}`);
    }
    const steps = plan.recommendations.filter((r) => r.kind === 'step');
    for (const [urgent, heading] of [[true, ui('urgent').toUpperCase()], [false, ui('nextSteps')]]) {
      const recs = steps.filter((r) => r.urgent === urgent);
      if (!recs.length) continue;
      lines.push('', heading);
      recs.forEach((rec, i) => {
        const first = `  ${i + 1}. `;
        const rest = ' '.repeat(first.length);
        lines.push(first + rec.text);
        if (rec.why) lines.push(rest + rec.why);
        if (rec.localName) lines.push(rest + rec.localName);
        contact(rec.contact, rest);
        if (rec.local) lines.push(rest + localText(rec));
        if (rec.reviewDue) lines.push(rest + capitalize(ui('reviewedLongAgo')));
        unverified(rec, rest);
      });
    }
    for (const [kind, heading] of SECTIONS) {
      const recs = plan.recommendations.filter((r) => r.kind === kind);
      if (!recs.length) continue;
      lines.push('', heading());
      recs.forEach((rec, i) => {
        if (i > 0) lines.push('');
        lines.push(`  • ${rec.text}`);
        if (rec.partner) lines.push(`    ${ui('offeredBy')}: ${rec.partner}`);
        if (rec.summary) lines.push(`    ${ui('whatTheyOffer')}: ${rec.summary}`);
        if (rec.why) lines.push(`    ${ui('whyNow')}: ${rec.why}`);
        contact(rec.contact, '    ');
        if (rec.local) lines.push(`    ${localText(rec)}`);
        const checked = [];
        if (rec.source && rec.reviewed) checked.push(`${ui('source')}: ${cited(rec.source)} · ${ui('reviewed')} ${rec.reviewed}`);
        if (rec.reviewDue) checked.push(ui('reviewedLongAgo'));
        if (checked.length) lines.push(`    ${checked.join(' · ')}`);
        unverified(rec, '    ');
      });
    }
    const advice = plan.recommendations.filter((r) => r.kind === 'advice');
    if (advice.length) {
      lines.push('', ui('advice'));
      for (const rec of advice) lines.push(`  • ${rec.text}`);
    }
    lines.push('', '─'.repeat(60), footerLine());
    for (const o of data.graph.overlays) lines.push(`  + ${o.id} ${o.version} · ${ui('reviewed')} ${o.reviewed}`);
    if (plan.sources.length) {
      const list = plan.sources.map((s) => `${s.title} (${pageDate(s)}, ${s.url})`);
      lines.push(`${ui('sources')}: ${list.join('; ')}`);
    }
    return shown(lines.join('\n') + '\n');
  }

  function copy(text, status, fallback) {
    const done = () => {
      fallback.hidden = true;
      status.textContent = ui('copied');
    };
    const manual = () => {
      // Show the text selected, so the user can copy it by hand.
      fallback.value = text;
      fallback.hidden = false;
      fallback.focus();
      fallback.select();
      if (document.execCommand && document.execCommand('copy')) done();
      else status.textContent = ui('copyFailed');
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, manual);
    } else {
      manual();
    }
  }

  function footerLine() {
    const g = data.graph;
    return `${ui('graphFooter')} ${g.id} ${g.version} · ${ui('reviewed')} ${g.reviewed}`;
  }

  function renderChrome() {
    document.documentElement.lang = state.lang;
    document.title = shown(t(data.graph.title));
    document.getElementById('title').textContent = shown(t(data.graph.title));
    const acute = state.answers.some((a, q) => a !== null && data.questions[q].options[a].urgent);
    const emergency = document.getElementById('emergency');
    emergency.textContent = shown(t(data.graph.emergency));
    emergency.classList.toggle('acute', acute);
    if (acute) emergency.setAttribute('role', 'alert');
    else emergency.removeAttribute('role');
    const switcher = document.getElementById('languages');
    if (data.languages.length > 1) {
      switcher.hidden = false;
      switcher.setAttribute('aria-label', ui('language'));
      switcher.replaceChildren(...data.languages.map((l) => button(LANGUAGE_NAMES[l] || l, () => {
        state.lang = l;
        render(false);
        document.querySelector(`#languages button[lang="${l}"]`).focus();
      }, { lang: l, 'aria-pressed': String(l === state.lang) })));
    }
    const overlays = data.graph.overlays.map((o) => el('p', {}, `+ ${o.id} ${o.version} · ${ui('reviewed')} ${o.reviewed}`));
    document.getElementById('footer').replaceChildren(el('p', {}, footerLine()), ...overlays,
      el('p', {}, ui('nothingStored')));
  }

  function render(moveFocus) {
    renderChrome();
    const { ask, outcome } = next();
    if (outcome === undefined) {
      state.screen = 'ask';
      renderAsk(ask, moveFocus);
    } else if (state.screen === 'plan') {
      renderPlan(outcome, moveFocus);
    } else {
      renderReview(outcome, moveFocus);
    }
  }

  if (data.format !== 2) {
    // The page's own words come with its data, which this script cannot read: say it in both
    // languages the tool speaks.
    main.replaceChildren(el('p', { class: 'warn' },
      `Deze pagina bevat regelgegevens van formaat ${data.format}; het script leest formaat 2. ` +
      `This page holds rule data of format ${data.format}; it reads format 2.`));
    return;
  }
  try {
    history.replaceState({ depth: 0, screen: 'ask' }, '');
  } catch (e) {
    // As in remember(): the page works without history entries.
  }
  render(false);
})();
