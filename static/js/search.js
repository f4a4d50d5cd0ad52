// Autocomplete for the search boxes (the header's and the search page's).
// Without JavaScript the boxes are plain GET forms; this only adds a list of
// suggestions (ARIA combobox pattern) fed by /<lang>/search/suggest/.
(function () {
    "use strict";
    if (window.cfSearchLoaded) return;
    window.cfSearchLoaded = true;

    function setup(input, index) {
        var url = input.getAttribute("data-suggest-url");
        if (!url) return;
        var listId = "search-suggestions-" + index;
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "Suggestions");
        list.hidden = true;
        input.parentNode.style.position = "relative";
        input.parentNode.appendChild(list);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var active = -1;
        var timer = null;
        var lastQuery = "";

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function options() {
            return list.querySelectorAll("[role=option]");
        }

        function highlight(n) {
            var items = options();
            if (!items.length) return;
            active = (n + items.length) % items.length;
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        function choose(item) {
            if (item.getAttribute("data-url")) {
                window.location.href = item.getAttribute("data-url");
            } else {
                input.value = item.textContent;
                close();
                input.form.submit();
            }
        }

        function render(data) {
            list.innerHTML = "";
            var entries = [];
            (data.titles || []).forEach(function (t) { entries.push({ text: t.title, url: t.url }); });
            (data.skills || []).forEach(function (s) { entries.push({ text: s, url: "" }); });
            if (!entries.length) { close(); return; }
            entries.forEach(function (entry, i) {
                var li = document.createElement("li");
                li.id = listId + "-" + i;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                li.className = entry.url ? "is-page" : "is-skill";
                li.textContent = entry.text;
                if (entry.url) li.setAttribute("data-url", entry.url);
                li.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(li);
                });
                list.appendChild(li);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function fetchSuggestions() {
            var q = input.value.trim();
            if (q.length < 2) { close(); return; }
            if (q === lastQuery) return;
            lastQuery = q;
            fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
                .then(function (r) { return r.ok ? r.json() : { titles: [] }; })
                .then(function (data) { if (input.value.trim() === q) render(data); })
                .catch(close);
        }

        input.addEventListener("input", function () {
            lastQuery = lastQuery === input.value.trim() ? lastQuery : "";
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, 150);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) return;
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
            else if (event.key === "Escape") { close(); }
            else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(options()[active]); }
        });
        input.addEventListener("blur", function () { setTimeout(close, 100); });
    }

    function init() {
        document.querySelectorAll("input[data-suggest-url]").forEach(setup);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
})();
