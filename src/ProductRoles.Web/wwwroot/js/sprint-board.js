// Sprint backlog board: drag a card to another column. The drop uses the card's own controls, which
// work without JavaScript: it submits the card's move form for that column, or follows its Done link
// to the Definition of Done checklist.
import { sortableLists, submitMove } from "./sortable-lists.js";
// Moves and task saves ("assign to me" too) post in place: no reload, focus stays on the card.
import "./in-place.js";

const board = document.querySelector(".board[data-board='movable']");
if (board) {
    sortableLists(Array.from(board.querySelectorAll(".board-cards")), {
        items: ".board-card[draggable='true']",
        group: "sprint-board",
        // Order within a column means nothing here: only a move to another column counts.
        sort: false,
        onDrop: ({ item, from, to }) => {
            const target = to.closest(".board-column").dataset.column;
            if (from === to) {
                return false;
            }
            const control = item.querySelector(`[data-move='${target}']`);
            if (!control) {
                return false;
            }
            if (control instanceof HTMLAnchorElement) {
                window.location.assign(control.href);
            } else {
                submitMove(control, {});
            }
            return true;
        },
    });
}
