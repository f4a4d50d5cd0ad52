// Small progressive enhancements shared by every page. Each app adds its own
// script next to this one; the site works without any of them.
document.documentElement.classList.add("js");

// A responsive video embed keeps its aspect ratio through padding, set here
// rather than in a style attribute, which the Content-Security-Policy blocks.
document.querySelectorAll(".responsive-object[data-embed-ratio]").forEach(function (box) {
    box.style.paddingBottom = box.getAttribute("data-embed-ratio");
});

// The menu and the filter panels are <details> elements: they work without
// JavaScript. Browsers that cannot style a closed <details> open them on wide
// screens; Escape closes the open menu and gives focus back to its button.
(function () {
    var wide = window.matchMedia("(min-width: 56rem)");
    var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    function sync() {
        if (styled) return;
        document.querySelectorAll("[data-site-menu], [data-filter-panel]").forEach(function (box) {
            if (wide.matches) box.setAttribute("open", "");
            else if (box.hasAttribute("data-site-menu")) box.removeAttribute("open");
        });
    }
    sync();
    if (wide.addEventListener) wide.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        var menu = document.querySelector("[data-site-menu][open]");
        if (menu && !wide.matches) {
            menu.removeAttribute("open");
            menu.querySelector("summary").focus();
        }
    });
})();
