// Partner directory: pointing at or focusing a map marker highlights the
// partner's card in the list (the list works without this script).
(function () {
    "use strict";
    var markers = document.querySelectorAll(".partner-map__marker[data-partner]");
    function toggle(id, on) {
        var card = document.getElementById("partner-" + id);
        if (card) { card.classList.toggle("is-highlighted", on); }
    }
    markers.forEach(function (marker) {
        var id = marker.getAttribute("data-partner");
        ["mouseenter", "focus"].forEach(function (name) {
            marker.addEventListener(name, function () { toggle(id, true); });
        });
        ["mouseleave", "blur"].forEach(function (name) {
            marker.addEventListener(name, function () { toggle(id, false); });
        });
    });
})();
