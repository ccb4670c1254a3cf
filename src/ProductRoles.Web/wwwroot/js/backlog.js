// Product backlog. Everything here enhances forms that work without JavaScript:
// - moves (buttons, drag-and-drop) post the table's one form in place (in-place.js), no reload;
// - inline edit: status, estimate, tags and roadmap item open an editor in the cell and post the
//   Inline handler, which sends the full form's edit command with the row's version;
// - quick add: "after the selected item" takes the row last focused (or ticked).
import { sortableLists } from "./sortable-lists.js";
import { postInPlace } from "./in-place.js";

const form = document.getElementById("backlog-form");
const table = form?.querySelector("table.po-backlog");
const labels = { Status: "Status", Estimate: "Points", Tags: "Tags", RoadmapItem: "Roadmap item" };
let selected = null;
// What the user last tried per row and field: shown again in the editor when the server refused it.
const tried = new Map();

// The row the user is on: the last one focused or clicked (j/k in shortcuts.js focuses rows).
document.addEventListener("focusin", event => {
    const row = event.target instanceof Element ? event.target.closest("tr[data-shortcut-row]") : null;
    if (row) {
        selected = row.dataset.itemId;
    }
});

if (table?.dataset.canOrder === "true") {
    const body = table.tBodies[0];
    // On later pages a zone above the table takes a row straight to the top of the whole backlog.
    const topZone = document.querySelector(".po-drop-top");
    topZone?.removeAttribute("hidden");
    const positionOf = row => Number(body.dataset.offset) + Array.from(body.rows).indexOf(row) + 1;
    let from = 0;
    body.addEventListener("pointerdown", event => {
        const row = event.target instanceof Element ? event.target.closest("tr[data-item-id]") : null;
        if (row) {
            from = positionOf(row);
        }
    });

    const moveTo = (row, position) => {
        const submitter = document.createElement("button");
        submitter.hidden = true;
        submitter.name = "move";
        submitter.value = `${row.dataset.itemId}:ToPosition`;
        const field = Object.assign(document.createElement("input"), { type: "hidden", name: "position", value: String(position) });
        form.append(submitter, field);
        form.requestSubmit(submitter);
        submitter.remove();
        field.remove();
        return true;
    };

    sortableLists([body, topZone].filter(Boolean), {
        items: "tr[data-item-id]",
        group: { name: "backlog", pull: true, put: true },
        onDrop: ({ item, to }) => {
            if (to === topZone) {
                return moveTo(item, 1);
            }
            // The row's new place in the whole backlog, counted as the server counts it.
            const target = positionOf(item);
            return target !== from && moveTo(item, target);
        },
    });
}

// The editors' choices come from selects the page already has (the bulk form's statuses, the filter's
// roadmap items) rather than a second copy of each in the markup: every byte of the first screen counts.
const estimates = [0, 1, 2, 3, 5, 8, 13, 21];
function choices(field) {
    const select = document.createElement("select");
    const copy = (id, none) => {
        if (none) {
            select.append(new Option(none, ""));
        }
        Array.from(document.getElementById(id)?.options ?? []).filter(option => option.value).forEach(option => select.append(new Option(option.text, option.value)));
    };
    switch (field) {
        case "Status":
            copy("bulk-status", null); // Every status but Done: Done has its checklist.
            break;
        case "Estimate":
            select.append(new Option("No estimate", ""), ...estimates.map(points => new Option(String(points), String(points))));
            break;
        default:
            copy("f-roadmap", "No roadmap item");
            break;
    }
    return select;
}

if (table?.dataset.canEdit === "true" && document.getElementById("bulk-status")) {
    const columns = Array.from(table.tHead.rows[0].cells).map(cell => cell.dataset.edit ?? null);
    enhance();
    document.addEventListener("live:morphed", enhance);

    table.addEventListener("click", event => {
        const button = event.target instanceof Element ? event.target.closest("button.po-cell") : null;
        if (button) {
            open(button.closest("td"), button.dataset.field);
        }
    });

    /** Each editable cell gets a button that opens its editor (the cell's text stays what the server wrote). */
    function enhance() {
        for (const row of table.tBodies[0].rows) {
            Array.from(row.cells).forEach((cell, index) => {
                const field = columns[index];
                if (!field || cell.querySelector(".po-cell, .po-inline")) {
                    return;
                }
                if (field === "Status" && currentValue(cell, field) === null) {
                    return; // A Done item is reopened in the full form, where Done is explained.
                }
                const button = document.createElement("button");
                button.type = "button";
                button.className = "po-cell";
                button.dataset.field = field;
                const shown = Array.from(cell.childNodes).filter(node => !(node instanceof Element && node.matches(".po-inline-error")));
                button.append(...shown);
                const text = button.textContent.trim() || "none";
                button.setAttribute("aria-label", `${labels[field]} of #${row.dataset.itemId}: ${text}. Change`);
                cell.prepend(button);
                const error = cell.querySelector(".po-inline-error");
                if (error) {
                    // The server refused the last try: open the editor again beside its message.
                    open(cell, field, error);
                }
            });
        }
    }

    function currentValue(cell, field) {
        switch (field) {
            case "Status": {
                const text = cell.querySelector(".badge")?.textContent.trim();
                const option = Array.from(document.getElementById("bulk-status").options).find(o => o.value && o.text === text);
                return option ? option.value : null;
            }
            case "Estimate":
                return cell.textContent.trim();
            case "Tags":
                return Array.from(cell.querySelectorAll(".po-tag")).map(tag => tag.textContent.trim()).join(", ");
            default:
                return cell.dataset.value ?? "";
        }
    }

    function open(cell, field, error = null) {
        const row = cell.closest("tr");
        const button = cell.querySelector(".po-cell");
        const key = `${row.dataset.itemId}:${field}`;
        const value = error && tried.has(key) ? tried.get(key) : currentValue(cell, field);
        let editor;
        if (field === "Tags") {
            editor = Object.assign(document.createElement("input"), { type: "text", value, maxLength: 500 });
        } else {
            editor = choices(field);
            editor.value = value;
        }
        editor.classList.add("po-inline");
        editor.name = "value";
        editor.setAttribute("aria-label", `${labels[field]} of #${row.dataset.itemId}`);
        if (error) {
            editor.setAttribute("aria-invalid", "true");
            editor.setAttribute("aria-describedby", error.id);
        }
        if (button) {
            button.hidden = true;
        }
        cell.prepend(editor);
        editor.focus();

        const close = () => {
            editor.remove();
            if (button) {
                button.hidden = false;
                button.focus();
            }
        };
        const save = () => {
            if (editor.value === currentValue(cell, field) && !error) {
                close();
                return;
            }
            tried.set(key, editor.value);
            const inline = document.getElementById("inline-form");
            const body = new FormData(inline);
            body.set("itemId", row.dataset.itemId);
            body.set("version", row.dataset.version);
            body.set("field", field);
            body.set("value", editor.value);
            editor.disabled = true;
            postInPlace(inline.action, body, { focus: button });
        };
        editor.addEventListener("keydown", event => {
            if (event.key === "Escape") {
                event.preventDefault();
                close();
            } else if (event.key === "Enter") {
                event.preventDefault();
                save();
            }
        });
        if (editor instanceof HTMLSelectElement) {
            editor.addEventListener("change", save);
        }
        editor.addEventListener("blur", () => {
            if (!editor.disabled && editor.isConnected) {
                if (editor.value !== currentValue(cell, field)) {
                    save();
                } else {
                    close();
                }
            }
        });
    }
}

// Quick add: the "after item" field shows only when that place is chosen, and is filled with the row the user is on.
const quick = document.getElementById("quick-add");
if (quick) {
    const place = quick.querySelector("#quick-place");
    const after = quick.querySelector("#quick-after");
    const afterField = after.closest(".field");
    const sync = () => {
        afterField.hidden = place.value !== "After";
        if (place.value === "After" && !after.value && selected) {
            after.value = selected;
        }
    };
    place.addEventListener("change", sync);
    document.addEventListener("live:morphed", sync);
    sync();
    quick.addEventListener("submit", () => {
        if (place.value === "After" && selected && !after.value) {
            after.value = selected;
        }
    }, { capture: true });
}
