// The command palette (Ctrl/⌘+K): a modal dialog with a combobox and its listbox. It asks the server
// what matches for the signed-in user (pages, items from the search index, and the actions their role
// may do in the current product) and goes where the chosen entry points: actions are links to the real
// forms, which check the permission again. A live region says how many entries there are.

const form = document.querySelector("form.topbar-search");

// The dialog, built here so that no page carries its markup: a labelled modal dialog holding a combobox
// that controls a listbox, and a polite live region for the count.
function build() {
    const element = (tag, attributes, text) => {
        const node = document.createElement(tag);
        Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
        if (text) {
            node.textContent = text;
        }
        return node;
    };
    const box = element("dialog", { id: "palette", class: "palette", "aria-labelledby": "palette-title" });
    const help = element("p", { class: "palette-help muted small" });
    [["↑", " "], ["↓", " choose · "], ["Enter", " go · "], ["Esc", " close"]].forEach(([key, after]) => {
        help.append(element("kbd", {}, key), after);
    });
    box.append(
        element("h2", { id: "palette-title", class: "visually-hidden" }, "Command palette"),
        element("label", { for: "palette-input", class: "visually-hidden" }, "Go to a page or item, or run an action"),
        element("input", {
            id: "palette-input", type: "text", role: "combobox", "aria-expanded": "true", "aria-controls": "palette-list",
            "aria-autocomplete": "list", autocomplete: "off", spellcheck: "false", placeholder: "Go to a page or item, or run an action…",
        }),
        element("ul", { id: "palette-list", class: "palette-list", role: "listbox", "aria-label": "Results" }),
        element("p", { id: "palette-status", class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" }),
        help);
    document.body.append(box);
    return box;
}

if (form) {
    const dialog = build();
    const source = "/search?handler=Palette";
    const input = document.getElementById("palette-input");
    const list = document.getElementById("palette-list");
    const status = document.getElementById("palette-status");
    let entries = [];
    let active = -1;
    let asked = 0;
    let timer = 0;

    const select = index => {
        active = index;
        [...list.children].forEach((li, n) => li.setAttribute("aria-selected", n === index ? "true" : "false"));
        const chosen = list.children[index];
        if (chosen && entries.length > 0) {
            input.setAttribute("aria-activedescendant", chosen.id);
            chosen.scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    };

    const render = () => {
        list.replaceChildren(...entries.map((entry, n) => {
            const li = document.createElement("li");
            li.id = `palette-option-${n}`;
            li.setAttribute("role", "option");
            const group = document.createElement("span");
            group.className = "palette-group";
            group.textContent = entry.group;
            const label = document.createElement("span");
            label.className = "palette-label";
            label.textContent = entry.label;
            const detail = document.createElement("span");
            detail.className = "palette-detail";
            detail.textContent = entry.detail;
            li.append(group, label, detail);
            li.addEventListener("click", () => go(n));
            return li;
        }));
        if (entries.length === 0) {
            const li = document.createElement("li");
            li.className = "palette-empty";
            li.setAttribute("role", "option");
            li.setAttribute("aria-disabled", "true");
            li.textContent = "Nothing matches.";
            list.append(li);
        }
        select(entries.length > 0 ? 0 : -1);
        status.textContent = entries.length === 0 ? "Nothing matches." : `${entries.length} result${entries.length === 1 ? "" : "s"}. First: ${entries[0].label}.`;
    };

    const load = async () => {
        const mine = ++asked;
        const url = new URL(source, window.location.origin);
        url.searchParams.set("q", input.value);
        if (form.dataset.product) {
            url.searchParams.set("product", form.dataset.product);
        }
        try {
            const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            const body = await response.json();
            if (mine === asked) {
                entries = body.entries;
                render();
            }
        } catch {
            if (mine === asked) {
                entries = [];
                list.replaceChildren();
                status.textContent = "The palette could not load its entries. Try again, or use the search page.";
            }
        }
    };

    const go = index => {
        const entry = entries[index];
        if (entry) {
            dialog.close();
            window.location.assign(entry.url);
        }
    };

    const open = () => {
        if (!dialog.open) {
            input.value = "";
            dialog.showModal();
            input.focus();
            load();
        }
    };

    input.addEventListener("input", () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
            timer = 0;
            load();
        }, 120);
    });

    input.addEventListener("keydown", event => {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            if (entries.length > 0) {
                const by = event.key === "ArrowDown" ? 1 : -1;
                select((active + by + entries.length) % entries.length);
            }
        } else if (event.key === "Enter") {
            event.preventDefault();
            // The entries for the latest text first, if a keystroke is still waiting for them.
            if (timer) {
                window.clearTimeout(timer);
                timer = 0;
                load().then(() => go(active));
            } else {
                go(active);
            }
        }
    });

    document.addEventListener("keydown", event => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
            event.preventDefault();
            open();
        }
    });

    document.querySelectorAll("[data-palette-open]").forEach(button => button.addEventListener("click", open));
}
