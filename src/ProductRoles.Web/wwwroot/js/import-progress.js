// Keeps the import's progress region current: fetches the server-rendered fragment every second and
// swaps it in until the import has finished. Without script the page refreshes itself instead.
const region = document.getElementById("import-progress");

async function poll() {
    const url = region?.dataset.fragmentUrl;
    if (!region || !url) {
        return;
    }

    try {
        const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
        if (response.ok) {
            region.innerHTML = await response.text();
        }
    } catch {
        // A missed poll is retried on the next tick.
    }

    const finished = region.querySelector("[data-finished]")?.dataset.finished === "true";
    if (finished) {
        // Reload once so the page shows what only a finished import has (undo).
        if (!region.dataset.reloaded && document.getElementById("import-undo-form") === null) {
            region.dataset.reloaded = "true";
            window.location.reload();
        }
        return;
    }

    window.setTimeout(poll, 1000);
}

if (region && region.querySelector("[data-finished]")?.dataset.finished !== "true") {
    window.setTimeout(poll, 1000);
}
