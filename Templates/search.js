// Rapport — the directory's search and tag filter.
// It works from file:// with no server: the data is in the page itself (data-search and
// data-tags on each row), so nothing is fetched. The state lives in the URL
// (index.html?q=ana&tag=vip), so a search can be bookmarked or shared.
(function () {
  "use strict";

  var form = document.getElementById("directory-search");
  var input = document.getElementById("q");
  var count = document.getElementById("match-count");
  var chips = Array.prototype.slice.call(document.querySelectorAll("[data-tag-chip]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-search]"));
  var empty = document.getElementById("no-match");
  if (!form || !input || !count) return;

  // Case and accents do not matter: "jose" finds "José". German umlauts also match their
  // two-letter spelling: "mueller" finds "Müller".
  function fold(text) {
    return text
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/ß/g, "ss")
      .replace(/[øØ]/g, "o")
      .replace(/æ/g, "ae")
      .replace(/œ/g, "oe")
      .replace(/ł/g, "l")
      .replace(/đ/g, "d")
      .replace(/ı/g, "i");
  }
  function umlautsSpelledOut(text) {
    return text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue");
  }

  var index = rows.map(function (row) {
    var text = row.getAttribute("data-search") || "";
    var tags = (row.getAttribute("data-tags") || "").split(";").filter(Boolean);
    return { row: row, text: fold(text) + " " + fold(umlautsSpelledOut(text)), tags: tags };
  });

  function selectedTags() {
    return chips
      .filter(function (chip) { return chip.getAttribute("aria-pressed") === "true"; })
      .map(function (chip) { return chip.getAttribute("data-tag-chip"); });
  }

  function apply() {
    var terms = fold(input.value).split(/\s+/).filter(Boolean);
    var tags = selectedTags();
    var shown = 0;
    index.forEach(function (entry) {
      var match =
        terms.every(function (term) { return entry.text.indexOf(term) !== -1; }) &&
        tags.every(function (tag) { return entry.tags.indexOf(tag) !== -1; });
      entry.row.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent =
      terms.length || tags.length
        ? shown + " of " + index.length + " customers"
        : index.length + " customers";
    if (empty) empty.hidden = shown !== 0;
  }

  function saveState() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selectedTags().forEach(function (tag) { params.append("tag", tag); });
    var query = params.toString();
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    } catch (error) {
      // Some browsers refuse to change a file:// URL; the filter still works.
    }
  }

  function loadState() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var wanted = params.getAll("tag");
    chips.forEach(function (chip) {
      var on = wanted.indexOf(chip.getAttribute("data-tag-chip")) !== -1;
      chip.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  input.addEventListener("input", function () { apply(); saveState(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      var on = chip.getAttribute("aria-pressed") === "true";
      chip.setAttribute("aria-pressed", on ? "false" : "true");
      apply();
      saveState();
    });
  });

  form.hidden = false;
  loadState();
  apply();
})();
