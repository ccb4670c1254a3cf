// Progressive enhancement only: every page works without this file.

// Buttons with data-confirm ask before submitting their form (e.g. removing a member).
document.addEventListener("submit", event => {
    const button = event.submitter;
    const message = button?.dataset.confirm ?? event.target.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// Live pages (the layout writes a live bar on them) load the live-updates module; others never do.
if (document.getElementById("live-bar")) {
    import("./live.js");
}
