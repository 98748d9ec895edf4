/* Where the console's data comes from, turned into the one view object VocPanels.render draws:
 *  - the dashboard: the analysts' API, every call with the analyst's bearer token (pasted into the
 *    prompt or passed as #token=… in the address; kept in this tab's sessionStorage only);
 *  - a report (python -m voc report): the JSON embedded in the file (<script id="voc-data">), the
 *    same JSON the API returns, filtered here by channel and category. No server, no token.
 */
"use strict";

(() => {
  const TOKEN_KEY = "voc.token";
  const PAGE_SIZE = 25;
  const UNCATEGORISED = "uncategorised";
  const $ = (id) => document.getElementById(id);

  const utcDay = (offsetDays) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + offsetDays);
    return d.toISOString().slice(0, 10);
  };

  const filters = () => ({since: $("since").value, until: $("until").value,
                          channel: $("channel").value, category: $("category").value});

  // --- the dashboard: the analysts' API ---------------------------------------------------------
  class Unauthorised extends Error {}

  function live() {
    let applied = null;  // the filters of the panels shown
    let befores = [];  // `before` of each quote page shown, newest first (null: the first page)
    let lastPage = null;
    let sequence = 0;  // answers to an older request are dropped

    const token = () => sessionStorage.getItem(TOKEN_KEY);

    function tokenFromFragment() {
      const found = new URLSearchParams(location.hash.slice(1)).get("token");
      if (found === null) return false;
      sessionStorage.setItem(TOKEN_KEY, found.trim());
      history.replaceState(null, "", location.pathname + location.search);  // out of the address bar and history
      return true;
    }

    function detail(body) {
      if (!body) return "";
      if (typeof body.detail === "string") return body.detail;
      if (Array.isArray(body.detail)) return body.detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
      return "";
    }

    async function call(path, params) {
      const url = new URL(path, location.origin);
      for (const [key, value] of Object.entries(params || {})) {
        if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
      }
      const response = await fetch(url, {headers: {Authorization: `Bearer ${token()}`, Accept: "application/json"},
                                         cache: "no-store", credentials: "omit"});
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      if (response.status === 401) throw new Unauthorised(detail(body) || "The server refused this token.");
      if (!response.ok) throw new Error(`${path}: ${detail(body) || response.statusText} (HTTP ${response.status})`);
      return body;
    }

    function askForToken(message) {
      sessionStorage.removeItem(TOKEN_KEY);
      VocPanels.closeTranscript();
      $("console").hidden = true;
      $("console").dataset.state = "token";
      $("token-prompt").hidden = false;
      $("token-message").textContent = message || "";
      $("token-message").hidden = !message;
      $("who").textContent = "";
      $("sign-out").hidden = true;
      $("token-input").value = "";
      $("token-input").focus();
    }

    function failed(err) {
      if (err instanceof Unauthorised) askForToken(err.message);
      else VocPanels.error(err.message || String(err));
    }

    function quotePage(quotes) {
      lastPage = quotes;
      return {...quotes, offset: (befores.length - 1) * PAGE_SIZE, newer: befores.length > 1};
    }

    const quoteQuery = (before) => ({since: applied.since, until: applied.until, channel: applied.channel,
                                     category: applied.category, limit: PAGE_SIZE, before});

    async function load() {
      if (!token()) {
        askForToken("");
        return;
      }
      $("token-prompt").hidden = true;
      $("console").hidden = false;
      const f = filters();
      const period = {since: f.since, until: f.until};
      const mine = ++sequence;
      VocPanels.loading();
      try {
        const [me, demo, taxonomy, kpis, trends, top, channels, clusters, alerts, quotes] = await Promise.all([
          call("/v1/me"),
          call("/v1/demo"),
          call("/v1/taxonomy"),
          call("/v1/kpis", {...period, by: "total"}),
          call("/v1/irritants/trends", {...period, channel: f.channel, category: f.category}),
          call("/v1/irritants/top", {...period, channel: f.channel}),
          call("/v1/channels", period),
          call("/v1/clusters"),
          call("/v1/alerts", period),
          call("/v1/quotes", {...period, channel: f.channel, category: f.category, limit: PAGE_SIZE}),
        ]);
        if (mine !== sequence) return;
        applied = f;
        befores = [null];
        VocPanels.render({mode: "live", period, channel: f.channel, category: f.category, me, demo,
                          categories: [...Object.keys(taxonomy.categories), UNCATEGORISED],
                          kpis, trends, top, channels, clusters, alerts, transcripts: true,
                          quotes: quotePage(quotes)}, hooks);
      } catch (err) {
        if (mine === sequence) failed(err);
      }
    }

    async function showQuotes() {
      const mine = ++sequence;
      VocPanels.loading();
      try {
        const quotes = await call("/v1/quotes", quoteQuery(befores[befores.length - 1]));
        if (mine === sequence) VocPanels.renderQuotes({transcripts: true, quotes: quotePage(quotes)});
      } catch (err) {
        if (mine === sequence) failed(err);
      }
    }

    const hooks = {
      older() {
        if (!lastPage || !lastPage.next) return;
        befores.push(lastPage.next);
        showQuotes();
      },
      newer() {
        if (befores.length < 2) return;
        befores.pop();
        showQuotes();
      },
      async openQuote(quote) {
        try {
          VocPanels.showTranscript(await call(`/v1/conversations/${encodeURIComponent(quote.conversation)}/transcript`));
        } catch (err) {
          if (err instanceof Unauthorised) failed(err);
          else VocPanels.transcriptError(quote.conversation, err.message);
        }
      },
    };

    $("since").value = utcDay(-6);  // the API's default: the last 7 UTC days
    $("until").value = utcDay(0);
    $("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      load();
    });
    for (const id of ["channel", "category"]) $(id).addEventListener("change", load);
    $("token-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const pasted = $("token-input").value.trim();
      if (!pasted) return;
      sessionStorage.setItem(TOKEN_KEY, pasted);
      $("token-input").value = "";
      load();
    });
    $("sign-out").addEventListener("click", () => askForToken(""));
    window.addEventListener("hashchange", () => {
      if (tokenFromFragment()) load();
    });
    tokenFromFragment();
    load();
  }

  // --- a report: the data embedded in the file --------------------------------------------------
  function report(data) {
    let offset = 0;
    $("token-prompt").hidden = true;
    $("console").hidden = false;
    const notice = $("report-notice");
    notice.textContent = `Report for ${data.period.since} to ${data.period.until} (UTC days), made ${data.generated_at}. `
      + `A snapshot with no server behind it: the ${data.quotes_limit} most recent quotes of the period, `
      + "no transcripts (open those in the live dashboard).";
    notice.hidden = false;
    document.title = `Voice of the customer: ${data.period.since} to ${data.period.until}`;
    for (const id of ["since", "until"]) $(id).disabled = true;

    function view() {
      const f = filters();
      const channel = f.channel || "all";
      let trends = data.trends[channel] || [];
      if (f.category) {  // as GET /v1/irritants/trends?category= answers
        trends = trends.map((d) => {
          const n = d.by_category[f.category] || 0;
          return {day: d.day, records: n, by_category: n ? {[f.category]: n} : {}};
        });
      }
      const quotes = data.quotes.filter((q) => (!f.channel || q.channel === f.channel)
                                               && (!f.category || q.category === f.category));
      offset = Math.min(offset, Math.max(0, quotes.length - 1));
      const shown = quotes.slice(offset, offset + PAGE_SIZE);
      return {mode: "report", period: data.period, channel: f.channel, category: f.category, me: null, demo: data.demo,
              categories: data.categories, kpis: data.kpis, trends, top: data.top[channel] || [],
              channels: data.channels, clusters: data.clusters, alerts: data.alerts, transcripts: false,
              quotes: {quotes: shown, next: offset + PAGE_SIZE < quotes.length ? String(offset + PAGE_SIZE) : null,
                       offset, newer: offset > 0}};
    }

    const hooks = {
      older() {
        offset += PAGE_SIZE;
        VocPanels.renderQuotes(view());
      },
      newer() {
        offset = Math.max(0, offset - PAGE_SIZE);
        VocPanels.renderQuotes(view());
      },
      openQuote() {},
    };
    const draw = () => {
      offset = 0;
      VocPanels.render(view(), hooks);
    };
    $("since").value = data.period.since;
    $("until").value = data.period.until;
    $("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      draw();
    });
    for (const id of ["channel", "category"]) $(id).addEventListener("change", draw);
    draw();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const embedded = $("voc-data");
    if (embedded) report(JSON.parse(embedded.textContent));
    else live();
  });
})();
