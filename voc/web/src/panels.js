/* The console's panels, drawn from one data object (the "view"), wherever it came from:
 * sources.js builds it from the analysts' API (the dashboard) or from the JSON embedded in a
 * report file. Every figure carries a data-testid and its raw value in data-value, so a test can
 * compare it with the API. Text is only ever set as text (textContent, text nodes): quotes and
 * cluster keywords are customers' words.
 *
 * The view: {mode: "live"|"report", period: {since, until}, channel, category, categories,
 *   me, demo, kpis, trends, top, channels, clusters, alerts, transcripts (bool),
 *   quotes: {quotes, next, offset, newer}}; each list is what the API endpoint of that name returns.
 */
"use strict";

const VocPanels = (() => {
  const DASH = "—";
  const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A000", "#6A3D9A",
                   "#8C564B", "#7F7F7F"];
  const SENTIMENTS = {negative: "#D55E00", neutral: "#9E9E9E", positive: "#009E73"};

  // API field, label, format, what it measures (README "Conversations, outcomes and KPIs")
  const KPIS = [
    ["conversations", "Conversations", "count", "conversations that ended in the period"],
    ["containment", "Containment", "rate", "resolved ÷ conversations"],
    ["handoff_rate", "Hand-off rate", "rate", "handed to a person ÷ conversations"],
    ["abandonment", "Abandonment", "rate", "customer left while the assistant waited ÷ conversations"],
    ["fallback_rate", "Fallback rate", "rate", "turns the assistant could not read ÷ turns"],
    ["inferred_csat", "Inferred CSAT", "score", "1–5, from each conversation's outcome, fallbacks and effort"],
    ["stated_csat", "Stated CSAT", "score", "1–5, the ratings customers gave"],
    ["avg_turns_to_resolution", "Turns to resolution", "score", "customer turns per resolved conversation"],
    ["effort", "Effort", "score", "1–5: turns, fallbacks, rephrasings, hand-offs"],
  ];

  const missing = (v) => v === null || v === undefined;
  const FORMATS = {
    count: (v) => (missing(v) ? DASH : String(v)),
    rate: (v) => (missing(v) ? DASH : (v * 100).toFixed(1) + " %"),
    score: (v) => (missing(v) ? DASH : v.toFixed(2)),
  };

  const $ = (id) => document.getElementById(id);

  /* An element; attrs: text, class, testid, value (a figure: data-value), anything else as an attribute. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (key === "text") node.textContent = String(v);
      else if (key === "class") node.className = v;
      else if (key === "testid") node.dataset.testid = v;
      else node.setAttribute(key, v === true ? "" : String(v));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);  // strings become text nodes
    }
    return node;
  }

  /* A figure: its text formatted, its raw value (JSON) in data-value. */
  function figure(tag, value, format, testid) {
    const node = el(tag, {testid, class: "n", text: FORMATS[format](value)});
    node.dataset.value = missing(value) ? "null" : JSON.stringify(value);
    return node;
  }

  function table(label, headers, rows, attrs) {
    const head = el("tr", {}, ...headers.map((h) => el("th", {scope: "col", text: h})));
    return el("table", {"aria-label": label, ...(attrs || {})}, el("thead", {}, head), el("tbody", {}, ...rows));
  }

  function empty(text) {
    return el("p", {class: "empty", text});
  }

  function replace(id, ...nodes) {
    $(id).replaceChildren(...nodes);
  }

  const when = (seconds) => (missing(seconds) ? DASH : new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " "));
  const day = (seconds) => (missing(seconds) ? DASH : new Date(seconds * 1000).toISOString().slice(0, 10));

  // --- charts (Chart.js; the tables beside them carry the same figures) ---------------------------
  const charts = {};

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    delete charts[id];
    if (typeof Chart === "undefined") return;  // no chart library: the tables still show everything
    charts[id] = new Chart($(id), {
      ...config,
      options: {animation: false, responsive: true, maintainAspectRatio: false, ...config.options},
    });
  }

  function colours(categories) {
    const known = new Map(categories.map((c, i) => [c, PALETTE[i % PALETTE.length]]));
    return (category) => known.get(category) || PALETTE[(known.size + category.length) % PALETTE.length];
  }

  // --- panels ----------------------------------------------------------------------------------
  function header(view) {
    const who = view.me ? `Signed in as ${view.me.name || "(unnamed)"} (${view.me.role})` : "";
    $("who").textContent = who;
    $("sign-out").hidden = view.mode !== "live";
    $("since").value = view.period.since;
    $("until").value = view.period.until;
    $("channel").value = view.channel || "";
    const select = $("category");
    const options = [el("option", {value: "", text: "All"}),
                     ...view.categories.map((c) => el("option", {value: c, text: c}))];
    select.replaceChildren(...options);
    select.value = view.category || "";
    demoNotice(view.demo);
  }

  /* Scripted demo conversations replayed by `make run` are real pipeline output, but not real
   * customers: the page says so whenever the data includes them (GET /v1/demo). */
  function demoNotice(demo) {
    const notice = $("demo-notice");
    notice.hidden = !(demo && demo.replayed);
    if (notice.hidden) return;
    const when = demo.started_at ? new Date(demo.started_at * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC"
      : "an earlier run";
    notice.textContent = `Includes ${demo.conversations} scripted demo conversations that make run replayed through `
      + `the chat channel on ${when}${demo.state === "replaying" ? " (still replaying)" : ""}, once. `
      + `Their conversation ids start with "${demo.sender_prefix || "demo-"}"; `
      + "they are not real customers. Their KPIs count once they have been quiet for the conversation timeout.";
  }

  function kpis(view) {
    const wanted = view.channel || "all";
    const row = view.kpis.find((k) => k.channel === wanted) || null;
    $("kpi-scope").textContent = `${view.channel || "all channels"}, ${view.period.since} to ${view.period.until}`;
    const items = [];
    for (const [key, label, format, help] of KPIS) {
      const value = row ? row[key] : key === "conversations" ? 0 : null;
      const dd = el("dd", {}, figure("span", value, format, `kpi-${key}`));
      if (key === "stated_csat") {
        const ratings = row ? row.ratings : 0;
        dd.append(el("small", {}, "from ", figure("span", ratings, "count", "kpi-ratings"),
                     ratings === 1 ? " rating" : " ratings"));
      }
      items.push(el("div", {class: "kpi", title: help}, el("dt", {text: label}), dd));
    }
    replace("kpis", ...items);
    const reasons = Object.entries((row && row.handoff_reasons) || {});
    const line = $("handoff-reasons");
    line.replaceChildren();
    if (reasons.length) {
      line.append("Hand-off reasons: ");
      reasons.forEach(([reason, n], i) => {
        if (i) line.append(", ");
        line.append(reason + " ", figure("span", n, "count", `handoff-reason-${reason}`));
      });
    }
  }

  function trends(view, colourOf) {
    const totals = new Map();
    for (const d of view.trends) {
      for (const [c, n] of Object.entries(d.by_category)) totals.set(c, (totals.get(c) || 0) + n);
    }
    const categories = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
    chart("trend-chart", {
      type: "bar",
      data: {
        labels: view.trends.map((d) => d.day),
        datasets: categories.map((c) => ({label: c, data: view.trends.map((d) => d.by_category[c] || 0),
                                          backgroundColor: colourOf(c)})),
      },
      options: {scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}},
                plugins: {legend: {position: "bottom"}}},
    });
    const rows = view.trends.map((d) => el("tr", {},
      el("th", {scope: "row", text: d.day}),
      figure("td", d.records, "count", `trend-records-${d.day}`),
      ...categories.map((c) => figure("td", d.by_category[c] || 0, "count", `trend-${c}-${d.day}`))));
    replace("trend-table", table("Irritant records per day", ["Day", "All", ...categories], rows));
  }

  function top(view, colourOf) {
    chart("top-chart", {
      type: "bar",
      data: {
        labels: view.top.map((t) => t.category),
        datasets: [{label: "records", data: view.top.map((t) => t.records),
                    backgroundColor: view.top.map((t) => colourOf(t.category))}],
      },
      options: {indexAxis: "y", plugins: {legend: {display: false}},
                scales: {x: {beginAtZero: true, ticks: {precision: 0}}}},
    });
    if (!view.top.length) {
      replace("top-table", empty("No irritants in this period."));
      return;
    }
    const rows = view.top.map((t) => el("tr", {class: t.category === view.category ? "selected" : null},
      el("th", {scope: "row", title: t.description || null, text: t.category}),
      figure("td", t.records, "count", `top-records-${t.category}`),
      figure("td", t.customers, "count", `top-customers-${t.category}`),
      figure("td", t.mean_severity, "score", `top-severity-${t.category}`)));
    replace("top-table", table("Top irritants", ["Category", "Records", "Customers", "Mean severity (1–5)"], rows));
  }

  function channels(view) {
    const labels = new Set(Object.keys(SENTIMENTS));
    for (const c of view.channels) Object.keys(c.sentiment).forEach((s) => labels.add(s));
    const sentiments = [...labels];
    chart("channel-chart", {
      type: "bar",
      data: {
        labels: view.channels.map((c) => c.channel),
        datasets: sentiments.map((s, i) => ({label: s, data: view.channels.map((c) => c.sentiment[s] || 0),
                                             backgroundColor: SENTIMENTS[s] || PALETTE[i % PALETTE.length]})),
      },
      options: {indexAxis: "y", scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}}, y: {stacked: true}},
                plugins: {legend: {position: "bottom"}}},
    });
    if (!view.channels.length) {
      replace("channel-table", empty("No customer messages in this period."));
      return;
    }
    const rows = view.channels.map((c) => el("tr", {},
      el("th", {scope: "row", text: c.channel}),
      figure("td", c.messages, "count", `channel-messages-${c.channel}`),
      ...sentiments.map((s) => figure("td", c.sentiment[s] || 0, "count", `channel-sentiment-${c.channel}-${s}`)),
      figure("td", c.records, "count", `channel-records-${c.channel}`)));
    replace("channel-table", table("Customer messages by sentiment, per channel",
                                   ["Channel", "Messages", ...sentiments, "Irritant records"], rows));
  }

  function clusters(view) {
    if (!view.clusters.length) {
      replace("clusters", empty("No emerging clusters."));
      return;
    }
    replace("clusters", ...view.clusters.map((c) => el("article", {class: "cluster", testid: "cluster", "data-id": c.id},
      el("h3", {}, ...c.keywords.map((k) => el("span", {class: "chip", text: k}))),
      el("p", {class: "meta"},
         figure("span", c.size, "count", `cluster-size-${c.id}`), " messages, first seen ",
         el("time", {text: day(c.first_seen)}), ", last seen ", el("time", {text: day(c.last_seen)}),
         c.promoted ? `, promoted into ${c.promoted}` : ""),
      ...c.quotes.slice(0, 2).map((q) => el("blockquote", {text: q})))));
  }

  function alerts(view) {
    if (!view.alerts.length) {
      replace("alerts", empty("No alerts in this period."));
      return;
    }
    const rows = view.alerts.map((a) => el("tr", {testid: "alert-row", "data-id": a.id},
      el("td", {text: a.day}),
      el("th", {scope: "row", text: a.category}),
      figure("td", a.count, "count", `alert-count-${a.id}`),
      figure("td", a.baseline, "score", `alert-baseline-${a.id}`),
      figure("td", a.ratio, "score", `alert-ratio-${a.id}`)));
    replace("alerts", table("Rising categories", ["Day", "Category", "Records", "Usual per day", "Ratio"], rows));
  }

  let hooks = {};

  function quotes(view) {
    const page = view.quotes;
    $("quote-note").textContent = view.transcripts
      ? "Newest first. Select a row to read the conversation's redacted transcript."
      : "Newest first. Transcripts are not part of a report: open them in the live dashboard.";
    $("quotes-range").textContent = page.quotes.length
      ? `${page.offset + 1}–${page.offset + page.quotes.length}` : "";
    $("quotes-newer").disabled = !page.newer;
    $("quotes-older").disabled = !page.next;
    if (!page.quotes.length) {
      replace("quotes", empty("No quotes for these filters."));
      return;
    }
    const rows = page.quotes.map((q) => {
      const row = el("tr", {testid: "quote-row", "data-id": q.id, "data-conversation": q.conversation},
        el("td", {}, el("time", {text: when(q.at)})),
        el("td", {text: q.channel}),
        el("td", {text: q.subcategory ? `${q.category} / ${q.subcategory}` : q.category}),
        el("td", {text: q.sentiment}),
        figure("td", q.severity, "score", "quote-severity"),
        el("td", {class: "quote", testid: "quote-text", text: q.quote}));
      if (view.transcripts) {
        row.classList.add("clickable");
        row.tabIndex = 0;
        row.setAttribute("aria-label", `Open the transcript of the conversation quoted: ${q.quote}`);
        row.addEventListener("click", () => hooks.openQuote(q));
        row.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            hooks.openQuote(q);
          }
        });
      }
      return row;
    });
    replace("quotes", table("Quotes", ["When (UTC)", "Channel", "Category", "Sentiment", "Severity", "Quote"], rows));
  }

  function render(view, newHooks) {
    hooks = newHooks || {};
    const colourOf = colours(view.categories);
    header(view);
    kpis(view);
    trends(view, colourOf);
    top(view, colourOf);
    channels(view);
    clusters(view);
    alerts(view);
    quotes(view);
    ready();
  }

  function renderQuotes(view) {
    quotes(view);
    ready();
  }

  function ready() {
    const main = $("console");
    main.dataset.renderCount = String(Number(main.dataset.renderCount || 0) + 1);
    main.dataset.state = "ready";
    $("status").textContent = "";
    $("error").hidden = true;
  }

  function loading() {
    $("console").dataset.state = "loading";
    $("status").textContent = "Loading…";
  }

  function error(message) {
    $("console").dataset.state = "error";
    $("status").textContent = "";
    $("error").textContent = message;
    $("error").hidden = false;
  }

  // --- the transcript dialog -------------------------------------------------------------------
  function openDialog(title) {
    const dialog = $("transcript");
    $("transcript-heading").textContent = title;
    $("transcript-error").hidden = true;
    $("transcript-lines").replaceChildren();
    if (!dialog.open) dialog.showModal();
  }

  function showTranscript(transcript) {
    openDialog(`Conversation ${transcript.conversation}`);
    replace("transcript-lines", ...transcript.lines.map((line) => el("li",
      {class: `line ${line.who}`, testid: "transcript-line"},
      el("span", {class: "who", text: line.who === "customer" ? "Customer" : "Assistant"}),
      el("time", {text: when(line.at)}),
      el("p", {testid: "transcript-text", text: line.text}),
      line.intent || line.sentiment
        ? el("small", {text: [line.intent, line.sentiment].filter(Boolean).join(" · ")}) : null)));
  }

  function transcriptError(conversation, message) {
    openDialog(`Conversation ${conversation}`);
    $("transcript-error").textContent = message;
    $("transcript-error").hidden = false;
  }

  function closeTranscript() {
    if ($("transcript").open) $("transcript").close();
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("transcript-close").addEventListener("click", closeTranscript);
    $("quotes-older").addEventListener("click", () => hooks.older && hooks.older());
    $("quotes-newer").addEventListener("click", () => hooks.newer && hooks.newer());
  });

  return {render, renderQuotes, loading, error, showTranscript, transcriptError, closeTranscript, KPIS, FORMATS};
})();
