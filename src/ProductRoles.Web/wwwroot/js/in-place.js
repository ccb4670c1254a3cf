// Keep my place. A form inside [data-in-place] posts with fetch to the same handler a click would reach;
// the handler answers as always (a redirect to the page, or the page with its messages), and the answer's
// <main> is morphed in with idiomorph, as live.js does for live updates: no reload, the scroll stays, and
// focus goes back to the control that was used (or the same control of the moved row). Without
// JavaScript the same forms post normally and the redirect brings the user back to #item-N / #card-N.
import { Idiomorph } from "../lib/idiomorph/idiomorph.esm.js";

let busy = false;

document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented || !form.closest("[data-in-place]")
        || form.method.toLowerCase() !== "post") {
        return;
    }
    event.preventDefault();
    if (busy) {
        return; // One save at a time: a second press while the first is on its way does nothing.
    }
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
    const action = submitter?.getAttribute("formaction") || form.action;
    // Focus goes back where it was: the button pressed, or the row a shortcut (shortcuts.js) clicked it from.
    const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    postInPlace(action, new FormData(form, submitter), { form, focus: active ?? submitter });
});

/**
 * Posts the fields and morphs the answer in.
 * @param {string} url the handler
 * @param {FormData} body the fields, with the antiforgery token
 * @param {object} [options]
 * @param {HTMLFormElement} [options.form] the form that was sent: its fields take the server's values
 * @param {Element | null} [options.focus] the control to focus again after the morph
 * @returns {Promise<boolean>} whether the answer was morphed in
 */
export async function postInPlace(url, body, { form = null, focus = null } = {}) {
    const place = describe(focus);
    busy = true;
    document.body.classList.add("is-saving");
    try {
        const response = await fetch(url, { method: "POST", body, credentials: "same-origin", headers: { "X-In-Place": "true" } });
        const html = new DOMParser().parseFromString(await response.text(), "text/html");
        const next = html.getElementById("main");
        if (!next) {
            // Not a page of ours (a 403 page without the shell, a proxy error): show it as a browser would.
            window.location.reload();
            return false;
        }
        if (response.redirected) {
            // The answer is the page the redirect named (e.g. page 1 after a move to the top): the address says so too.
            history.replaceState(history.state, "", new URL(response.url).pathname + new URL(response.url).search);
        }
        morph(next, form);
        restore(place);
        return true;
    } catch {
        // The network failed: nothing was shown as done; say so where the user looks.
        announce("Not saved: the app did not answer. Try again.");
        return false;
    } finally {
        busy = false;
        document.body.classList.remove("is-saving");
    }
}

function morph(next, form) {
    const main = document.getElementById("main");
    const bar = document.getElementById("live-bar");
    const theirBar = next.querySelector("#live-bar");
    if (bar && theirBar) {
        // Ours stays (live.js holds it), but live updates now refresh the page the answer is (page 4 after a quick add at the bottom).
        bar.dataset.src = theirBar.dataset.src ?? bar.dataset.src;
        theirBar.replaceWith(bar.cloneNode(false));
    }
    // The answer's message replaces the last one (live.js keeps messages across its own refreshes).
    main.querySelectorAll(":scope > .alert[data-live-keep]").forEach(node => node.remove());
    // <main> onto <main>, as live.js does (an innerHTML morph would take the answer's <main> for a child of ours).
    Idiomorph.morph(main, next, {
        ignoreActiveValue: false,
        callbacks: {
            beforeNodeMorphed: node => !(node instanceof Element) || !(node === bar || keep(node, form)),
            beforeNodeRemoved: node => !(node instanceof Element) || node !== bar,
            beforeAttributeUpdated: (name, element) => !(name === "open" && element.tagName === "DETAILS"),
        },
    });
    const message = main.querySelector(":scope > .alert[role=status], :scope > .alert[role=alert]");
    if (message) {
        announce(message.textContent.trim());
    }
    // live.js drops a refresh it fetched before this answer came.
    document.body.dataset.inPlaceAt = String(performance.now());
    document.dispatchEvent(new CustomEvent("live:morphed"));
}

/** A field the user changed in another form stays as typed; the sent form shows what the server says. */
function keep(node, form) {
    if (form && (node.form === form || form.contains(node))) {
        return false;
    }
    if (node instanceof HTMLInputElement) {
        return node.type === "checkbox" || node.type === "radio"
            ? node.checked !== node.defaultChecked
            : node.type !== "hidden" && node.value !== node.defaultValue;
    }
    if (node instanceof HTMLTextAreaElement) {
        return node.value !== node.defaultValue;
    }
    return false;
}

/** How to find the used control again after the morph: by id, or its row/card and what it does. */
function describe(element) {
    if (!(element instanceof Element)) {
        return null;
    }
    const holder = element.closest("[data-shortcut-row]");
    return {
        id: element.id || null,
        holder: holder?.id ?? null,
        name: element.getAttribute("name"),
        value: element.getAttribute("value"),
        shortcut: element.dataset.shortcut ?? null,
        field: element.dataset.field ?? null,
        // A form can name the field that is ready for the next entry (the quick add's title).
        next: element.closest("form")?.dataset.focusAfter ?? null,
    };
}

function restore(place) {
    const autofocus = document.querySelector("#main [autofocus]");
    if (!place) {
        autofocus?.focus();
        return;
    }
    const holder = place.holder ? document.getElementById(place.holder) : null;
    const candidates = [
        place.next && document.getElementById(place.next),
        place.id && document.getElementById(place.id),
        holder && place.field && holder.querySelector(`.po-cell[data-field="${place.field}"]`),
        holder && place.shortcut && holder.querySelector(`[data-shortcut="${place.shortcut}"]`),
        place.name && place.value && document.querySelector(`#main [name="${CSS.escape(place.name)}"][value="${CSS.escape(place.value)}"]`),
        holder,
        autofocus,
    ];
    const target = candidates.find(candidate => candidate instanceof HTMLElement && candidate.isConnected && !candidate.hidden);
    target?.focus({ preventScroll: false });
    target?.scrollIntoView({ block: "nearest" });
}

/**
 * Says the outcome to screen readers: the answer's message, in one polite live region (the shortcuts'
 * region when the page has it, so a move by shortcut is heard once). Cleared first, so the same words
 * twice are read twice, and set a moment later than the shortcut's "Moving …" it follows.
 */
export function announce(text) {
    let region = document.getElementById("shortcut-status") ?? document.getElementById("in-place-status");
    if (!region) {
        region = document.createElement("p");
        region.id = "in-place-status";
        region.className = "visually-hidden";
        region.setAttribute("aria-live", "polite");
        document.body.append(region);
    }
    region.textContent = "";
    window.setTimeout(() => { region.textContent = text; }, 60);
}
