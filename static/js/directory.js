// Program directory, progressive enhancement only: every page works without this file.
//
// What it keeps, in this tab's sessionStorage only (never sent anywhere, gone when the tab
// closes, cleared by "Leave this site"):
// - the programs ticked for comparison (number and name, in the order ticked, at most 4), so
//   the ticks survive other result pages, filter changes and Back;
// - the last search (its query string, and the searched place's name and centre point), so a
//   program page can link back to that search and say how far the program is from the place.
(() => {
  const COMPARE_KEY = "iop-guide-directory-compare";
  const SEARCH_KEY = "iop-guide-directory-search";
  const PROGRAM_ID = /^[1-9]\d{0,17}$/;
  const EARTH_RADIUS_MILES = 3958.7613;
  const CONTROL = /[\u0000-\u001f\u007f]/;

  const storage = {
    read(key) {
      try {
        return JSON.parse(window.sessionStorage.getItem(key) || "null");
      } catch {
        return null;
      }
    },
    write(key, value) {
      try {
        window.sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Storage full or blocked (private browsing): each page still works on its own.
      }
    },
  };

  // The page's wording, in its language: "{count}" style placeholders filled in here.
  const fill = (wording, values) =>
    Object.entries(values).reduce(
      (text, [name, value]) => text.split(`{${name}}`).join(String(value)),
      wording || "",
    );

  // Text that came back from storage: one line, no control characters, not too long.
  const plain = (value, limit) =>
    typeof value === "string"
      ? value
          .replace(new RegExp(CONTROL.source, "g"), " ")
          .replace(/\s+/g, " ")
          .trim()
          .slice(0, limit)
      : "";

  const coordinate = (value, limit) => {
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    return typeof number === "number" && Number.isFinite(number) && Math.abs(number) <= limit
      ? number
      : null;
  };

  /* ---- On narrow screens start with the filters folded, so the results come first. ---- */
  const filters = document.querySelector("details[data-collapse-on-phone]");
  if (filters && window.matchMedia("(max-width: 991.98px)").matches) {
    filters.open = false;
  }

  /* ---- Search results: remember this search for the program pages. ---- */
  const compareForm = document.querySelector("form[data-compare]");
  const rememberSearch = () => {
    if (!compareForm) return;
    const from = compareForm.querySelector('input[name="from"]');
    const search = { query: from ? from.value : "" };
    const label = plain(compareForm.dataset.nearLabel, 120);
    const latitude = coordinate(compareForm.dataset.nearLat, 90);
    const longitude = coordinate(compareForm.dataset.nearLon, 180);
    if (label && latitude !== null && longitude !== null) {
      Object.assign(search, { label, latitude, longitude });
    }
    storage.write(SEARCH_KEY, search);
  };
  rememberSearch();
  window.addEventListener("pageshow", rememberSearch);

  /* ---- Search results: the programs ticked for comparison, across pages and filters. ---- */
  const bar = compareForm && compareForm.querySelector("[data-compare-bar]");
  if (bar) {
    const max = Number(compareForm.dataset.compareMax) || 4;
    const part = (name) => bar.querySelector(`[data-compare-${name}]`);
    const toggle = part("toggle");
    const count = part("count");
    const panel = part("panel");
    const list = part("list");
    const submit = part("submit");
    const clear = part("clear");
    const hint = part("hint");
    const live = part("live");
    const itemTemplate = part("item");
    const text = (name, values = {}) => fill(bar.dataset[name], { max, ...values });
    // Every "Compare" tick box on the page (the bar does not care which list a card is in).
    const boxes = () =>
      Array.from(document.querySelectorAll('input[type="checkbox"][name="ids"]')).filter(
        (box) => PROGRAM_ID.test(box.value),
      );
    const nameOf = (box) => {
      const card = box.closest("article, li");
      const title = card && card.querySelector(".card-title");
      return plain((title || box.labels?.[0] || box).textContent, 200);
    };

    let picks = [];
    let tooMany = false;
    const save = () => storage.write(COMPARE_KEY, picks);
    const tidy = (stored) => {
      if (!Array.isArray(stored)) return null;
      const seen = new Set();
      const kept = [];
      for (const item of stored) {
        const id = item && typeof item.id === "string" ? item.id : "";
        if (!PROGRAM_ID.test(id) || seen.has(id)) continue;
        seen.add(id);
        kept.push({ id, name: plain(item.name, 200) || `#${id}` });
        if (kept.length === max) break;
      }
      return kept;
    };

    // Say something in the polite live region, even when it is the same words as last time.
    let speaking;
    const say = (message) => {
      window.clearTimeout(speaking);
      live.textContent = "";
      speaking = window.setTimeout(() => {
        live.textContent = message;
      }, 100);
    };
    const status = () => text("textStatus", { chosen: picks.length });

    const setOpen = (open) => {
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    };

    const itemFor = (pick) => {
      const item = itemTemplate.content.firstElementChild.cloneNode(true);
      item.querySelector("[data-compare-name]").textContent = pick.name;
      item.querySelector("[data-compare-name-hidden]").textContent = ` ${pick.name}`;
      item.querySelector("[data-compare-remove]").dataset.id = pick.id;
      return item;
    };

    const render = () => {
      const chosen = new Set(picks.map((pick) => pick.id));
      for (const box of boxes()) box.checked = chosen.has(box.value);
      const n = picks.length;
      bar.dataset.count = String(n);
      count.textContent = text("textCount", { count: n });
      toggle.hidden = n === 0;
      clear.hidden = n === 0;
      if (n === 0) setOpen(false);
      list.replaceChildren(...picks.map(itemFor));
      const ready = n >= 2;
      submit.setAttribute("aria-disabled", String(!ready));
      submit.classList.toggle("btn-primary", ready);
      submit.classList.toggle("btn-outline-primary", !ready);
      // Between 2 and the maximum there is nothing to explain: the bar stays small.
      let wording = "";
      if (tooMany) wording = "textTooMany";
      else if (n === 0) wording = "textNone";
      else if (n === 1) wording = "textOne";
      else if (n >= max) wording = "textFull";
      hint.textContent = wording ? text(wording) : "";
    };

    const start = () => {
      const stored = tidy(storage.read(COMPARE_KEY));
      if (stored === null) {
        // First visit in this tab: take whatever the browser has ticked.
        picks = boxes()
          .filter((box) => box.checked)
          .slice(0, max)
          .map((box) => ({ id: box.value, name: nameOf(box) }));
      } else {
        picks = stored;
      }
      // Names of the picks shown on this page are the freshest.
      for (const box of boxes()) {
        const pick = picks.find((p) => p.id === box.value);
        if (pick) pick.name = nameOf(box);
      }
      tooMany = false;
      save();
      render();
    };

    document.addEventListener("change", (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || box.name !== "ids") {
        return;
      }
      if (!PROGRAM_ID.test(box.value)) return;
      tooMany = false;
      if (box.checked) {
        if (picks.some((pick) => pick.id === box.value)) return;
        if (picks.length >= max) {
          box.checked = false;
          tooMany = true;
          render();
          say(text("textTooMany"));
          return;
        }
        picks.push({ id: box.value, name: nameOf(box) });
      } else {
        picks = picks.filter((pick) => pick.id !== box.value);
      }
      save();
      render();
      say(status());
    });

    toggle.addEventListener("click", () => {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });

    list.addEventListener("click", (event) => {
      const button = event.target.closest("[data-compare-remove]");
      if (!button) return;
      const index = picks.findIndex((pick) => pick.id === button.dataset.id);
      if (index < 0) return;
      picks.splice(index, 1);
      tooMany = false;
      save();
      render();
      say(status());
      // Keep the keyboard in the list: the next Remove button, or the bar itself.
      const next = list.querySelectorAll("[data-compare-remove]")[Math.min(index, picks.length - 1)];
      (next || submit).focus();
    });

    clear.addEventListener("click", () => {
      picks = [];
      tooMany = false;
      save();
      render();
      say(status());
      submit.focus();
    });

    // Compare every pick, also those ticked on other pages, in the order they were ticked.
    compareForm.addEventListener("submit", (event) => {
      event.preventDefault();
      if (picks.length < 2) {
        say(hint.textContent);
        return;
      }
      const params = new URLSearchParams();
      for (const pick of picks) params.append("ids", pick.id);
      const from = compareForm.querySelector('input[name="from"]');
      if (from && from.value) params.append("from", from.value);
      window.location.assign(`${compareForm.getAttribute("action")}?${params}`);
    });

    // Back from the comparison (or another page): the browser may show its own ticks.
    window.addEventListener("pageshow", start);
    start();
  }

  /* ---- A program page: back to the last search, and the distance from its place. ---- */
  const back = document.querySelector("a[data-directory-back]");
  if (back) {
    const search = storage.read(SEARCH_KEY);
    const base = back.getAttribute("href") || "";
    // Only our own directory page (as the server wrote it) gets the stored query string,
    // rebuilt from its parameters: never another host, never a javascript: address.
    if (search && typeof search === "object" && /^\/(?!\/)[^?#\\]*$/.test(base)) {
      const query = typeof search.query === "string" ? search.query.slice(0, 2000) : "";
      const kept = new URLSearchParams();
      for (const [name, value] of new URLSearchParams(query.replace(/^\?/, ""))) {
        if (/^[a-z_]{1,20}$/.test(name) && value.length <= 200 && !CONTROL.test(value)) {
          kept.append(name, value);
        }
      }
      const rebuilt = kept.toString();
      if (rebuilt) back.setAttribute("href", `${base}?${rebuilt}`);

      const line = document.querySelector("[data-program-distance]");
      const label = plain(search.label, 120);
      const from = {
        latitude: coordinate(search.latitude, 90),
        longitude: coordinate(search.longitude, 180),
      };
      const to = line && {
        latitude: coordinate(line.dataset.lat, 90),
        longitude: coordinate(line.dataset.lon, 180),
      };
      if (
        label &&
        to &&
        from.latitude !== null &&
        from.longitude !== null &&
        to.latitude !== null &&
        to.longitude !== null
      ) {
        const radians = (degrees) => (degrees * Math.PI) / 180;
        const dLat = radians(to.latitude - from.latitude);
        const dLon = radians(to.longitude - from.longitude);
        const h =
          Math.sin(dLat / 2) ** 2 +
          Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
        const miles = 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
        // Rounded as the result cards round it (geo.distance_text): tenths of a mile under
        // 10, whole miles from there; "About" when the program's point is its ZIP's centre.
        const about = line.dataset.approximate === "true";
        let rounded = miles < 9.95 ? Math.round(miles * 10) / 10 : Math.round(miles);
        if (about && rounded < 1) rounded = 1;
        let wording = `text${about ? "About" : ""}${rounded === 1 ? "One" : "Many"}`;
        if (miles < 0.95 && !about) wording = "textUnderOne";
        const number = new Intl.NumberFormat(document.documentElement.lang || undefined, {
          maximumFractionDigits: 1,
        }).format(rounded);
        line.textContent = fill(line.dataset[wording], { miles: number, place: label });
        line.hidden = false;
      }
    }
  }
})();
