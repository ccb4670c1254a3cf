// Live updates. The server tells this page, over SignalR, which things changed (topic names and ids)
// and who changed them; the page then fetches its own server-rendered HTML again (?fragment=live,
// the same page template) and morphs it in with idiomorph, so there is one template per thing.
// The user's place survives a morph: scroll and focus (nodes stay in place), open <details>, fields
// they have typed into, and the current filter (the page fetches its own URL). While a card is being
// dragged, updates wait for the drop. Without this module, or without a connection, the page works
// as before; it is just not live, and says so quietly when a connection drops.
import { Idiomorph } from "../lib/idiomorph/idiomorph.esm.js";

const bar = document.getElementById("live-bar");
const presenceNote = document.getElementById("live-presence");
const statusNote = document.getElementById("live-status");
const page = {
    product: bar.dataset.product,
    view: bar.dataset.view,
    topics: new Set((bar.dataset.topics ?? "").split(" ").filter(Boolean)),
    // Read each time: a save in place (in-place.js) that lands on another page (?p=4) moves the source with it.
    get src() { return bar.dataset.src || null; },
    editing: bar.dataset.editing === "true",
    itemUrl: bar.dataset.itemUrl || null,
};

const paused = "Live updates paused — reconnecting…";
let me = null;
let lastPresence = null;
let refusal = null;
let dragging = false;
let refreshWanted = false;
let refreshing = false;
const seen = new Set();

// Drag-and-drop (sortable-lists.js) says when a drag starts and ends: a card in someone's hand is never moved.
document.addEventListener("sortable:start", () => {
    dragging = true;
});
document.addEventListener("sortable:end", () => {
    dragging = false;
    if (refreshWanted) {
        refresh();
    }
});

/** Back off after a drop: 0.5 s, 1 s, 2 s … up to 30 s, with a little jitter so a restarted app is not hit at once. */
function retryDelay(attempt) {
    return Math.min(30000, 500 * 2 ** attempt) + Math.floor(Math.random() * 250);
}

function say(text, state = "") {
    statusNote.textContent = text;
    bar.dataset.state = state;
}

function loadSignalR() {
    if (window.signalR) {
        return Promise.resolve(window.signalR);
    }
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        // Through the import map, so the fingerprinted (year-cached) address.
        script.src = import.meta.resolve("/lib/microsoft-signalr/signalr.min.js");
        script.onload = () => resolve(window.signalR);
        script.onerror = reject;
        document.head.append(script);
    });
}

const signalR = await loadSignalR();
const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => retryDelay(context.previousRetryCount) })
    .configureLogging(signalR.LogLevel.None)
    .build();

connection.on("changed", onChanged);
// The top bar's bell (notification-bell.js) shares this page's connection: one connection per page.
connection.on("notified", () => document.dispatchEvent(new CustomEvent("live:notified")));
connection.on("presence", showPresence);
// A membership change took this connection out of the product's groups: join again, or learn we may not.
connection.on("access-changed", async () => {
    await join();
    if (!refusal) {
        refresh();
    }
});
connection.onreconnecting(() => say(paused, "paused"));
connection.onreconnected(async () => {
    await join();
    if (!refusal) {
        say("", "live");
        // What happened while the connection was down is in the page as the server has it now.
        refresh();
    }
});
connection.onclose(() => {
    if (!refusal) {
        say(paused, "paused");
        // Counted as a retry, so the page fetches itself once it is back.
        startLater(1);
    }
});

async function join() {
    try {
        const joined = await connection.invoke("Join", page.product, page.view, page.editing);
        me = joined.userId;
        refusal = null;
        // The hub sends the page's presence before Join answers: show it again now that we know who we are.
        if (lastPresence) {
            showPresence(lastPresence);
        }
    } catch (error) {
        // The hub said no (not a member any more, or the role may not see this page): stop for good.
        refusal = error;
        say("Live updates stopped: reload the page.", "stopped");
        presenceNote.hidden = true;
        await connection.stop();
    }
}

async function start(attempt) {
    try {
        await connection.start();
    } catch {
        say(paused, "paused");
        startLater(attempt + 1);
        return;
    }
    await join();
    if (!refusal) {
        say("", "live");
        if (attempt > 0) {
            refresh();
        }
    }
}

function startLater(attempt) {
    window.setTimeout(() => start(attempt), retryDelay(attempt));
}

function onChanged(message) {
    if (seen.has(message.id)) {
        // One command reaches a page once per audience group it is in; the first says it all.
        showNotes(message, false);
    } else {
        seen.add(message.id);
        showNotes(message, true);
    }
    if (page.editing && message.actor !== me && message.topics.includes(page.view)) {
        warnStale(message.notes[0]);
    }
    if (page.src && message.topics.some(topic => page.topics.has(topic))) {
        refresh();
    }
}

function showNotes(message, first) {
    if (message.actor === me || message.notes.length === 0) {
        return;
    }
    const text = message.notes.join(" · ");
    if (first || !statusNote.textContent.includes(text)) {
        say(text, "live");
    }
}

function showPresence(message) {
    if (message.view !== page.view) {
        return;
    }
    lastPresence = message;
    const others = message.people.filter(person => person.userId !== me);
    presenceNote.replaceChildren();
    presenceNote.hidden = others.length === 0;
    if (others.length === 0) {
        return;
    }
    presenceNote.append(document.createTextNode(page.editing ? "Also here: " : "Also looking: "));
    for (const person of others) {
        const chip = document.createElement("span");
        chip.className = person.editing ? "live-chip live-chip-editing" : "live-chip";
        chip.textContent = person.editing ? `${person.name} · editing` : person.name;
        presenceNote.append(chip);
    }
}

/** An edit form whose item someone else just saved: say so at once, and offer their version. */
function warnStale(note) {
    const form = document.querySelector("main form[method='post']:not([data-live-ignore])");
    if (!form) {
        return;
    }
    let warning = document.getElementById("live-stale");
    if (!warning) {
        warning = document.createElement("div");
        warning.id = "live-stale";
        warning.className = "alert alert-warning live-stale";
        warning.setAttribute("role", "alert");
        const text = document.createElement("p");
        warning.append(text);
        if (page.itemUrl) {
            const show = document.createElement("button");
            show.type = "button";
            show.className = "button button-secondary button-small";
            show.textContent = "Show their version";
            show.addEventListener("click", () => showTheirVersion(warning));
            warning.append(show);
        }
        form.before(warning);
    }
    warning.querySelector("p").textContent =
        `${note ?? "Someone saved this item"} while you were editing. Saving now checks your version against theirs: nothing of theirs is lost.`;
}

async function showTheirVersion(warning) {
    const response = await fetch(withFragment(page.itemUrl), { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) {
        return;
    }
    const html = new DOMParser().parseFromString(await response.text(), "text/html");
    let theirs = warning.querySelector(".live-their-version");
    if (!theirs) {
        theirs = document.createElement("section");
        theirs.className = "live-their-version panel";
        theirs.setAttribute("aria-label", "Their version");
        warning.append(theirs);
    }
    // Their version is shown, not acted on: its forms and links stay out of this edit form's way.
    const content = html.getElementById("main");
    content.querySelectorAll("form, #live-bar, script").forEach(node => node.remove());
    theirs.replaceChildren(...content.childNodes);
}

function withFragment(url) {
    const target = new URL(url, window.location.href);
    target.searchParams.set("fragment", "live");
    return target;
}

function savedInPlaceSince(started) {
    return document.body.classList.contains("is-saving") || Number(document.body.dataset.inPlaceAt ?? 0) > started;
}

/** Fetches the page again and morphs it in; one fetch at a time, and one more if changes came meanwhile. */
async function refresh() {
    refreshWanted = true;
    if (refreshing || dragging || !page.src) {
        return;
    }
    refreshing = true;
    refreshWanted = false;
    const started = performance.now();
    const next = await fetchPage();
    refreshing = false;
    if (next && savedInPlaceSince(started)) {
        // A save in place (in-place.js) is on its way or has just morphed its answer in: that answer is newer.
        return;
    }
    if (next === undefined) {
        // The app is not answering (a restart, the network): the reconnect fetches the page again.
        return;
    }
    if (next && dragging) {
        // A card was picked up while the page was fetched: the drop brings the update.
        refreshWanted = true;
        return;
    }
    if (next) {
        morph(next);
    }
    if (refreshWanted && !dragging) {
        refresh();
    }
}

/** The page's content as the server renders it now; null when it refused (then say so), undefined when it did not answer. */
async function fetchPage() {
    try {
        const response = await fetch(withFragment(page.src), { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) {
            say("This page changed: reload it to see the latest.", "stopped");
            return null;
        }
        return new DOMParser().parseFromString(await response.text(), "text/html").getElementById("main");
    } catch {
        return undefined;
    }
}

function morph(next) {
    const main = document.getElementById("main");
    // The live bar and kept notes are this page's own, not the server's.
    next.prepend(bar.cloneNode(false));
    Idiomorph.morph(main, next, {
        ignoreActiveValue: true,
        callbacks: {
            beforeNodeMorphed: (node) => !(node instanceof Element) || !keep(node),
            beforeNodeRemoved: (node) => !(node instanceof Element) || !(node.matches("[data-live-keep]") || node === bar),
            // Whether a <details> is open is the reader's choice.
            beforeAttributeUpdated: (name, element) => !(name === "open" && element.tagName === "DETAILS"),
        },
    });
    document.dispatchEvent(new CustomEvent("live:morphed"));
}

/** What a morph must leave as it is: the live bar, kept notes, and form fields the user has changed. */
function keep(node) {
    if (node === bar || node.matches("[data-live-keep], #live-stale")) {
        return true;
    }
    if (node instanceof HTMLInputElement) {
        return node.type === "checkbox" || node.type === "radio"
            ? node.checked !== node.defaultChecked
            : node.type !== "hidden" && node.value !== node.defaultValue;
    }
    if (node instanceof HTMLTextAreaElement) {
        return node.value !== node.defaultValue;
    }
    if (node instanceof HTMLSelectElement) {
        return Array.from(node.options).some(option => option.selected !== option.defaultSelected);
    }
    return false;
}

start(0);
