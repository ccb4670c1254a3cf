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

// The product menu is a <details> that site.css shows open above 700 px through ::details-content; a browser
// without that pseudo-element gets it opened here instead (below 700 px it stays a closed disclosure).
const productMenu = document.querySelector("details.product-menu");
if (productMenu && !CSS.supports("selector(::details-content)") && window.matchMedia("(min-width: 701px)").matches) {
    productMenu.open = true;
}
