// briefbot's page: ask, brief, show cited passages. Document text only ever goes in through
// textContent / text nodes, never as HTML, so a document holding <script> stays text.
"use strict";

const $ = (id) => document.getElementById(id);
let current = null; // the answer shown: {answer, citations}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function where(c) {
  if (c.location) return c.location; // "report.pdf p.3:4-9", "deck.pptx slide 2:1-4"
  const page = c.page == null ? "" : ` p.${c.page}`;
  return `${c.source}${page}:${c.start_line}-${c.end_line}`;
}

async function errorOf(response) {
  try {
    const body = await response.json();
    if (body.error) return body.error;
    if (Array.isArray(body.detail)) return body.detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
  } catch (_) { /* not JSON */ }
  return `HTTP ${response.status}`;
}

// POST and read server-sent events: "token" events while an LLM writes, then "answer" or "error".
async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: {"Content-Type": "application/json", "Accept": "text/event-stream"},
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(await errorOf(response));
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let draft = "";
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, {stream: true});
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      const payload = JSON.parse(data.join("\n"));
      if (event === "token") {
        draft += payload;
        $("answer").replaceChildren(el("p", "draft", draft));
      } else if (event === "answer") {
        return payload;
      } else if (event === "error") {
        throw new Error(payload.error);
      }
    }
  }
  throw new Error("the answer stream ended early");
}

// Split the answer into claims, each with the [n] markers that follow it.
function claims(text) {
  const out = [];
  const re = /((?:\s*\[\d+\])+)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    const ns = [...m[1].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
    out.push({text: text.slice(last, m.index), markers: m[1], ns});
    last = m.index + m[0].length;
  }
  out.push({text: text.slice(last), markers: "", ns: []});
  return out;
}

function renderAnswer(data) {
  current = data;
  const p = el("p", data.answered ? "text" : "text declined");
  for (const claim of claims(data.answer)) {
    p.append(document.createTextNode(claim.text));
    for (const n of claim.ns) {
      const a = el("a", "cite", `[${n}]`);
      a.href = `#cite-${n}`;
      a.dataset.n = String(n);
      p.append(a);
    }
  }
  $("answer").replaceChildren(p);
  const items = data.citations.map((c) => {
    const li = el("li");
    li.id = `cite-${c.n}`;
    const a = el("a", "cite", `[${c.n}] ${where(c)}`);
    a.href = `#cite-${c.n}`;
    a.dataset.n = String(c.n);
    li.append(a);
    if (c.section) li.append(el("span", "section", ` § ${c.section}`));
    return li;
  });
  $("citations").replaceChildren(...items);
  const model = data.model === "extractive" ? "extractive (sentences quoted from the documents)" : data.model;
  $("status").textContent = `${data.citations.length} source${data.citations.length === 1 ? "" : "s"} · ${model}`;
  if (data.citations.length) showPassage(data.citations[0].n, false);
  else $("passage").hidden = true;
}

// The parts of the passage the answer quotes (whitespace-insensitive), else the whole passage.
function highlights(passage, n) {
  const ranges = [];
  for (const claim of claims(current.answer)) {
    if (!claim.ns.includes(n)) continue;
    const words = claim.text.trim().split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
    const m = new RegExp(pattern).exec(passage);
    if (m) ranges.push([m.index, m.index + m[0].length]);
  }
  if (!ranges.length) return [[0, passage.length]];
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [ranges[0]];
  for (const r of ranges.slice(1)) {
    const top = merged[merged.length - 1];
    if (r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

function showPassage(n, scroll = true) {
  const c = current && current.citations.find((x) => x.n === n);
  if (!c) return;
  $("passage-title").textContent = `[${c.n}] ${where(c)}`;
  $("passage-section").textContent = c.section ? `§ ${c.section}` : "";
  const box = $("passage-text");
  box.replaceChildren();
  let at = 0;
  for (const [start, end] of highlights(c.text, n)) {
    box.append(document.createTextNode(c.text.slice(at, start)), el("mark", null, c.text.slice(start, end)));
    at = end;
  }
  box.append(document.createTextNode(c.text.slice(at)));
  for (const a of document.querySelectorAll("a.cite")) a.classList.toggle("active", a.dataset.n === String(n));
  $("passage").hidden = false;
  if (scroll) $("passage").scrollIntoView({block: "nearest"});
}

async function run(path, body, label) {
  const buttons = [$("ask"), $("brief")];
  buttons.forEach((b) => (b.disabled = true));
  $("status").textContent = label;
  $("answer").replaceChildren();
  $("citations").replaceChildren();
  try {
    renderAnswer(await post(path, body));
  } catch (err) {
    $("status").textContent = "";
    $("answer").replaceChildren(el("p", "error", `Error: ${err.message}`));
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

async function loadFiles() {
  const response = await fetch("/sources");
  if (!response.ok) {
    $("files").replaceChildren(el("li", "error", await errorOf(response)));
    $("file-count").textContent = "";
    return;
  }
  const data = await response.json();
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  $("file-count").textContent = `(${plural(data.files.length, "file")}, ${plural(data.chunks, "passage")})`;
  $("files").replaceChildren(...data.files.map((f) => {
    const li = el("li", null, f.path);
    li.append(el("span", "hint", ` ${f.chunks} passage${f.chunks === 1 ? "" : "s"}`));
    return li;
  }));
}

let wasUpdating = null;
async function pollHealth() {
  try {
    const response = await fetch("/healthz");
    if (response.ok) {
      const health = await response.json();
      $("updating").hidden = !health.updating;
      if (wasUpdating === true && !health.updating) loadFiles();
      wasUpdating = health.updating;
    }
  } catch (_) { /* the server is restarting: try again later */ }
  setTimeout(pollHealth, 1000);
}

document.addEventListener("click", (event) => {
  const a = event.target.closest("a.cite");
  if (!a) return;
  event.preventDefault();
  showPassage(Number(a.dataset.n));
});

$("ask-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const question = $("question").value.trim();
  if (question) run("/ask", {question}, "Searching and answering…");
});

$("brief-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const about = $("topic").value.trim();
  run("/brief", about ? {about} : {}, about ? `Briefing on ${about}…` : "Briefing on the whole collection…");
});

loadFiles();
pollHealth();
