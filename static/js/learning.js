// Learning pages: progress in the browser (anonymous) or the account
// (signed in), merging the first into the second, quizzes checked in the
// browser, occupation autocomplete and a live skills gap. Every feature
// works without this script through plain forms.
(function () {
    "use strict";
    var STORE = "cf-learning-done";
    var stateNode = document.getElementById("learning-state");
    if (!stateNode) return;
    var state = JSON.parse(stateNode.textContent);
    var S = state.strings;

    function fmt(template, values) {
        return template.replace(/%\((\w+)\)[ds]/g, function (_m, name) { return String(values[name]); });
    }
    function about(minutes) {
        return minutes < 60 ? fmt(S.minutes, { m: minutes }) : fmt(S.hours, { h: Math.round(minutes / 60) });
    }
    function readLocal() {
        try {
            var value = JSON.parse(window.localStorage.getItem(STORE) || "[]");
            return Array.isArray(value) ? value.filter(function (k) { return typeof k === "string"; }) : [];
        } catch (e) { return []; }
    }
    function writeLocal(keys) {
        try { window.localStorage.setItem(STORE, JSON.stringify(keys)); } catch (e) { /* private mode */ }
    }
    function announce(text) {
        var box = document.querySelector("[data-learning-announce]");
        if (!box) {
            box = document.createElement("p");
            box.setAttribute("role", "status");
            box.className = "learner-note";
            box.setAttribute("data-learning-announce", "");
            var main = document.getElementById("main");
            main.insertBefore(box, main.firstChild);
        }
        box.textContent = text;
    }

    var completed = new Set(state.signedIn ? state.completed : readLocal());

    function render() {
        document.querySelectorAll(".path-step[data-module-key], .learning-card[data-module-key]").forEach(function (node) {
            var done = completed.has(node.getAttribute("data-module-key"));
            node.classList.toggle("is-done", done);
            var status = node.querySelector("[data-status]");
            if (status) {
                status.textContent = done ? S.done : S.notDone;
                if (node.classList.contains("learning-card")) status.hidden = !done;
            }
        });
        var steps = document.querySelectorAll(".path-step[data-module-key]");
        var progress = document.querySelector("[data-path-progress]");
        if (progress && steps.length) {
            var done = 0, left = 0;
            steps.forEach(function (step) {
                if (completed.has(step.getAttribute("data-module-key"))) done += 1;
                else left += parseInt(step.getAttribute("data-minutes"), 10) || 0;
            });
            var total = steps.length;
            progress.querySelector("progress").value = done;
            progress.querySelector("[data-progress-text]").textContent = done >= total
                ? fmt(S.allDone, { total: total })
                : fmt(progress.querySelector("[data-progress-text]").getAttribute("data-progress-pattern"), { done: done, total: total, time: about(left) });
        }
        document.querySelectorAll("[data-mark-done]").forEach(function (form) {
            var done = completed.has(form.getAttribute("data-module-key"));
            form.querySelector("[data-status]").textContent = done ? S.done : S.notDone;
            var button = form.querySelector("[data-toggle]");
            button.textContent = done ? S.markNotDone : S.markDone;
            button.classList.toggle("button--secondary", done);
            form.querySelector("input[name=done]").value = done ? "0" : "1";
        });
    }

    // Anonymous learners: the mark-done form toggles localStorage instead.
    document.querySelectorAll("[data-mark-done]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (state.signedIn) return; // the server keeps it
            event.preventDefault();
            var key = form.getAttribute("data-module-key");
            if (completed.has(key)) completed.delete(key); else completed.add(key);
            writeLocal(Array.from(completed));
            render();
        });
    });

    // Signed in with progress left in this browser: merge it into the account.
    function merge() {
        var local = readLocal();
        if (!state.signedIn || !local.length) return;
        fetch(state.mergeUrl, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": state.csrf },
            body: JSON.stringify({ completed: local.slice(0, 500) })
        }).then(function (response) {
            if (!response.ok) throw new Error("merge failed: " + response.status);
            return response.json();
        }).then(function (data) {
            window.localStorage.removeItem(STORE);
            completed = new Set(data.completed);
            render();
            if (data.added) announce(S.merged);
        }).catch(function () { /* keep local progress for the next try */ });
    }

    // Quizzes: mark in the browser; the form still posts to the server without JS.
    document.querySelectorAll("[data-quiz] form").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var score = 0, questions = form.querySelectorAll(".quiz__question");
            questions.forEach(function (fieldset, index) {
                var chosen = form.querySelector("input[name=q" + index + "]:checked");
                var correct = fieldset.getAttribute("data-correct");
                var right = chosen && chosen.value === correct;
                var label = fieldset.querySelector("label[for$='-" + index + "-" + correct + "']");
                var feedback = fieldset.querySelector("[data-feedback]");
                feedback.textContent = (right ? S.correct : fmt(S.wrong, { answer: label ? label.textContent : correct }))
                    + " " + (fieldset.getAttribute("data-explanation") || "");
                feedback.classList.toggle("is-correct", !!right);
                feedback.classList.toggle("is-wrong", !right);
                if (right) score += 1;
            });
            var result = form.parentNode.querySelector(".quiz__score");
            if (!result) {
                result = document.createElement("p");
                result.className = "quiz__score";
                result.setAttribute("role", "status");
                form.parentNode.insertBefore(result, form);
            }
            result.textContent = fmt(S.score, { score: score, total: questions.length });
        });
    });

    // Occupation autocomplete (ARIA combobox with a listbox).
    var search = document.querySelector("[data-occupation-search]");
    if (search) {
        var input = search.querySelector("input[name=q]");
        var list = search.querySelector("[role=listbox]");
        var timer = null, active = -1, items = [];
        var close = function () {
            list.hidden = true; input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant"); active = -1;
        };
        var highlight = function (index) {
            items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
            active = index;
            if (items[index]) input.setAttribute("aria-activedescendant", items[index].id);
        };
        var show = function (results) {
            list.innerHTML = "";
            items = results.map(function (result, i) {
                var li = document.createElement("li");
                li.id = "occupation-option-" + i;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                li.textContent = result.label;
                if (result.lang) { li.lang = result.lang; }
                li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = result.url; });
                list.appendChild(li);
                li.dataset.url = result.url;
                return li;
            });
            if (!items.length) {
                var empty = document.createElement("li");
                empty.textContent = S.noResults;
                empty.setAttribute("aria-disabled", "true");
                empty.setAttribute("role", "option");
                list.appendChild(empty);
            }
            list.hidden = false; input.setAttribute("aria-expanded", "true");
        };
        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            var q = input.value.trim();
            if (q.length < 2) { close(); return; }
            timer = window.setTimeout(function () {
                fetch(search.getAttribute("data-autocomplete-url") + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
                    .then(function (r) { return r.ok ? r.json() : { results: [] }; })
                    .then(function (data) { if (input.value.trim() === q) show(data.results); });
            }, 200);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden || !items.length) return;
            if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % items.length); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + items.length) % items.length); }
            else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = items[active].dataset.url; }
            else if (event.key === "Escape") { close(); }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    // Skills checklist: refresh the gap in place when a box is ticked.
    var checklist = document.querySelector("[data-skill-checklist]");
    if (checklist && window.fetch && window.URLSearchParams) {
        checklist.addEventListener("change", function () {
            var url = window.location.pathname + "?" + new URLSearchParams(new FormData(checklist)).toString();
            fetch(url, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-gap]");
                var current = document.querySelector("[data-gap]");
                if (fresh && current) {
                    current.replaceWith(fresh);
                    window.history.replaceState(null, "", url);
                    render();
                }
            });
        });
    }

    render();
    merge();
})();
