// Drag-and-drop for every sortable list of the app, on SortableJS (mouse, pen and touch). It only
// enhances forms that work without JavaScript: a drop tells the page where the item went, and the
// page fills in one of its own move forms and submits it with requestSubmit(), so the browser's
// validation and the site-wide data-confirm prompt run exactly as for a click on its button.
import Sortable from "../lib/sortablejs/sortable.esm.js";

// Controls inside an item keep working as controls: pressing them never starts a drag.
const controls = "button, input, select, textarea, label, summary, details > :not(summary), form";

/**
 * @typedef {object} Drop
 * @property {HTMLElement} item the dropped item, already in its new place
 * @property {HTMLElement} from the list it left
 * @property {HTMLElement} to the list it is in now
 * @property {HTMLElement | null} before the item it now stands before
 * @property {HTMLElement | null} after the item it now stands after
 */

/**
 * Makes the items of each list draggable.
 * @param {HTMLElement[]} lists the containers whose children are the items
 * @param {object} options
 * @param {string} options.items selector of the draggable items
 * @param {string | object} options.group lists of one group exchange items
 * @param {boolean} [options.sort] whether order within a list counts (false: only moves between lists)
 * @param {(drop: Drop) => boolean} options.onDrop called after a drop that changed something;
 *   answers false when the page has no move for it, and the item goes back where it was
 * @returns {Sortable[]}
 */
export function sortableLists(lists, { items, group, sort = true, onDrop }) {
    // Where the dragged item was, to put it back when a drop has no move.
    let home = null;
    const options = {
        group,
        sort,
        draggable: items,
        filter: controls,
        preventOnFilter: false,
        // On a touch screen a short press still scrolls the page; holding a moment picks the item up.
        delay: 150,
        delayOnTouchOnly: true,
        // An empty list has no height: a drop near it (on its column's "nothing here" note) still lands in it.
        emptyInsertThreshold: 48,
        animation: 120,
        ghostClass: "is-drop-preview",
        chosenClass: "is-picked",
        dragClass: "is-dragging",
        onStart: event => {
            home = { list: event.from, next: event.item.nextElementSibling };
            // Live updates (live.js) wait while something is in the user's hand.
            document.dispatchEvent(new CustomEvent("sortable:start"));
        },
        onEnd: event => {
            document.dispatchEvent(new CustomEvent("sortable:end"));
            if (event.from === event.to && event.oldIndex === event.newIndex) {
                return;
            }
            const drop = {
                item: event.item,
                from: event.from,
                to: event.to,
                before: sibling(event.item, items, "nextElementSibling"),
                after: sibling(event.item, items, "previousElementSibling"),
            };
            if (!onDrop(drop) && home) {
                home.list.insertBefore(event.item, home.next);
            }
        },
    };
    const mark = () => lists.forEach(list => {
        // Only what this module made draggable gets a grip and a grab cursor (see site.css).
        list.classList.add("is-sortable");
        list.querySelectorAll(`:scope > ${items}`).forEach(item => item.classList.add("is-draggable"));
    });
    mark();
    // A live update morphs the server's HTML in, which knows nothing of these classes: mark again.
    document.addEventListener("live:morphed", mark);
    return lists.map(list => Sortable.create(list, options));
}

/**
 * Fills the form's fields by name and submits it as its submit button would.
 * @param {HTMLFormElement} form
 * @param {Record<string, string>} values
 * @param {HTMLElement | null} [submitter] the button whose name, value and data-confirm count
 */
export function submitMove(form, values, submitter = null) {
    for (const [name, value] of Object.entries(values)) {
        let field = form.elements.namedItem(name);
        if (!field) {
            field = document.createElement("input");
            field.type = "hidden";
            field.name = name;
            form.append(field);
        }
        field.value = value;
    }
    form.requestSubmit(submitter ?? form.querySelector("button[type=submit], button:not([type])"));
}

function sibling(item, selector, direction) {
    let next = item[direction];
    while (next && !next.matches(selector)) {
        next = next[direction];
    }
    return next;
}
