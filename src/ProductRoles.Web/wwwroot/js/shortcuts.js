// Keyboard shortcuts, listed in the "?" overlay. By the keyboard contract they act only on rows and
// cards marked [data-shortcut-row] and on controls marked [data-shortcut=…]: they focus rows and click
// the page's own links and buttons, so every shortcut does exactly what its button does (and is
// refused the same way). Never while typing in a field. A live region says what happened.

const focusKey = "shortcut-focus";

const keys = [
    [["/"], "Search"],
    [["Ctrl", "K"], "Command palette: go to a page or item, run an action (⌘ K on a Mac)"],
    [["j", "k"], "Next / previous row or card"],
    [["Enter"], "Open the row or card"],
    [["Alt", "↑", "↓"], "Move it up / down"],
    [["Alt", "Home", "End"], "Move it to the top / bottom"],
    [["Alt", "←", "→"], "Move it to the previous / next horizon or board column"],
    [["e"], "Edit"],
    [["c"], "Create (new item on this page)"],
    [["?"], "This list"],
];

function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    if (text) {
        node.textContent = text;
    }
    return node;
}

// The "?" list and the live region, built here so that no page carries their markup.
function buildHelp() {
    const dialog = element("dialog", { id: "shortcuts-help", class: "shortcuts-help", "aria-labelledby": "shortcuts-title" });
    const list = element("dl", { class: "shortcuts-list" });
    keys.forEach(([combo, words]) => {
        const term = element("dt");
        combo.forEach((key, n) => {
            if (n > 0) {
                term.append(" ");
            }
            term.append(element("kbd", {}, key));
        });
        const row = element("div");
        row.append(term, element("dd", {}, words));
        list.append(row);
    });
    const close = element("form", { method: "dialog" });
    close.append(element("button", { type: "submit", class: "button" }, "Close"));
    dialog.append(element("h2", { id: "shortcuts-title" }, "Keyboard shortcuts"),
        element("p", { class: "muted small" }, "Not while you type in a field. In lists and boards they act on the row or card that has focus."),
        list, close);
    document.body.append(dialog);
    return dialog;
}

const help = buildHelp();
const status = element("p", { id: "shortcut-status", class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
document.body.append(status);

const moves = {
    ArrowUp: ["move-up", "up"],
    ArrowDown: ["move-down", "down"],
    Home: ["move-top", "to the top"],
    End: ["move-bottom", "to the bottom"],
    ArrowLeft: ["move-left", "to the previous column"],
    ArrowRight: ["move-right", "to the next column"],
};

function announce(text) {
    if (status) {
        // Cleared first so that the same words twice are read twice.
        status.textContent = "";
        window.setTimeout(() => { status.textContent = text; }, 50);
    }
}

function isTyping(target) {
    if (!(target instanceof Element)) {
        return false;
    }
    return target.isContentEditable || target.closest("input, textarea, select, dialog[open]") !== null;
}

function rows() {
    return [...document.querySelectorAll("[data-shortcut-row]")].filter(row => row.getClientRects().length > 0);
}

function currentRow() {
    return document.activeElement?.closest("[data-shortcut-row]") ?? null;
}

function rowName(row) {
    const open = row.querySelector("[data-shortcut=open]");
    return (open?.textContent ?? row.id).replace(/\s+/g, " ").trim();
}

function focusRow(row, say = true) {
    if (!row.hasAttribute("tabindex")) {
        row.tabIndex = -1;
    }
    document.querySelectorAll(".shortcut-current").forEach(r => r.classList.remove("shortcut-current"));
    row.classList.add("shortcut-current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
    if (say) {
        const all = rows();
        announce(`${rowName(row)}, ${all.indexOf(row) + 1} of ${all.length}`);
    }
}

function step(by) {
    const all = rows();
    if (all.length === 0) {
        announce("Nothing to move between on this page.");
        return;
    }
    const index = all.indexOf(currentRow());
    const next = index < 0 ? (by > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, index + by));
    focusRow(all[next]);
}

// A page-level control: one that is not inside a row.
function pageControl(name) {
    return [...document.querySelectorAll(`[data-shortcut="${name}"]`)].find(c => c.closest("[data-shortcut-row]") === null) ?? null;
}

function move(row, key) {
    const [name, words] = moves[key];
    const control = row.querySelector(`[data-shortcut="${name}"]`);
    if (!control || control.disabled) {
        announce(`${rowName(row)} cannot move ${words} from here.`);
        return;
    }
    // After a reload (the move button posts its form), the same row gets focus again.
    if (row.id) {
        sessionStorage.setItem(focusKey, row.id);
    }
    announce(`Moving ${rowName(row)} ${words}.`);
    control.click();
}

document.addEventListener("keydown", event => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || isTyping(event.target)) {
        return;
    }
    const row = currentRow();
    if (event.altKey) {
        if (row && event.key in moves) {
            event.preventDefault();
            move(row, event.key);
        }
        return;
    }
    switch (event.key) {
        case "/": {
            const search = document.getElementById("top-search");
            if (search) {
                event.preventDefault();
                search.focus();
                search.select();
            }
            break;
        }
        case "?":
            if (help) {
                event.preventDefault();
                help.showModal();
            }
            break;
        case "j":
            event.preventDefault();
            step(1);
            break;
        case "k":
            event.preventDefault();
            step(-1);
            break;
        case "Enter":
            // Only on the row itself: Enter on a link or button inside it does what it always does.
            if (row && document.activeElement === row) {
                const open = row.querySelector("[data-shortcut=open]");
                if (open) {
                    event.preventDefault();
                    open.click();
                }
            }
            break;
        case "e": {
            const edit = row?.querySelector("[data-shortcut=edit]") ?? pageControl("edit");
            if (edit) {
                event.preventDefault();
                announce("Editing.");
                edit.click();
            }
            break;
        }
        case "c": {
            const create = pageControl("create");
            if (create) {
                event.preventDefault();
                announce("Creating.");
                create.click();
            }
            break;
        }
        default:
            break;
    }
});

// A move posted in place (in-place.js) comes back without a reload: that script puts the focus back
// and says the outcome, so the note for a reload is dropped rather than used on the next page.
document.addEventListener("live:morphed", () => sessionStorage.removeItem(focusKey));

// Back from a move: focus the row that moved, wherever it is now, and say where.
const moved = sessionStorage.getItem(focusKey);
if (moved) {
    sessionStorage.removeItem(focusKey);
    const row = document.getElementById(moved);
    if (row?.matches("[data-shortcut-row]")) {
        focusRow(row, false);
        const flash = document.querySelector(".alert[role=status]")?.textContent?.trim();
        const all = rows();
        announce(flash || `${rowName(row)} is now ${all.indexOf(row) + 1} of ${all.length}.`);
    }
}
