// Progressive enhancement only: every page works without this file.

// Buttons with data-confirm ask before submitting their form (e.g. removing a member).
document.addEventListener("submit", event => {
    const button = event.submitter;
    const message = button?.dataset.confirm ?? event.target.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
