// Product backlog: drag a row to a new place. The drop fills in the row's own "to position" form,
// so the server runs the same move command as the buttons, which work without JavaScript.
import { sortableLists, submitMove } from "./sortable-lists.js";

const table = document.querySelector('table.po-backlog[data-can-order="true"]');
if (table) {
    const body = table.tBodies[0];
    // On later pages a zone above the table takes a row straight to the top of the whole backlog.
    const topZone = document.querySelector(".po-drop-top");
    topZone?.removeAttribute("hidden");

    const moveTo = (row, position) => {
        const form = row.querySelector("form.po-move");
        submitMove(form, { position: String(position) }, form.querySelector('button[value="ToPosition"]'));
        return true;
    };

    sortableLists([body, topZone].filter(Boolean), {
        items: "tr[data-item-id]",
        group: { name: "backlog", pull: true, put: true },
        onDrop: ({ item, to, before, after }) => {
            if (to === topZone) {
                return moveTo(item, 1);
            }
            const from = Number(item.dataset.position);
            // Positions count the list without the moved row: moved down, it takes the place of the
            // row now above it; moved up, the place of the row now below it.
            const target = after && Number(after.dataset.position) > from
                ? Number(after.dataset.position)
                : Number(before?.dataset.position ?? from);
            return target !== from && moveTo(item, target);
        },
    });
}
