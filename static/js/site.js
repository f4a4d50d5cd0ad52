// Small progressive enhancements shared by every page. Each app adds its own
// script next to this one; the site works without any of them.
document.documentElement.classList.add("js");

// A responsive video embed keeps its aspect ratio through padding, set here
// rather than in a style attribute, which the Content-Security-Policy blocks.
document.querySelectorAll(".responsive-object[data-embed-ratio]").forEach(function (box) {
    box.style.paddingBottom = box.getAttribute("data-embed-ratio");
});

// The menu and the filter panels are <details> elements: they work without
// JavaScript (the CSS shows their content on wide screens). With JavaScript
// they are also opened on wide screens, so that every browser and screen
// reader treats their content as shown; Escape closes the open menu on phones
// and gives focus back to its button.
(function () {
    var wide = window.matchMedia("(min-width: 56rem)");
    function sync() {
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
