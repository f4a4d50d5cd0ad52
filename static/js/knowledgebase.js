// Knowledge base: the "print this guideline" button.
document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-kb-print]");
    if (button) {
        window.print();
    }
});
