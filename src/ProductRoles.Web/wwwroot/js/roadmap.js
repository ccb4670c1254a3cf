// Roadmap board: drag a card within its horizon or to another one. The drop posts the same move
// command as the card's buttons (item, horizon, the item it now stands before, version), which
// work without JavaScript; the server's answer is the board as it now stands.
import { sortableLists, submitMove } from "./sortable-lists.js";
// Moves post in place (no reload), the board stays where it was and says where the card went.
import "./in-place.js";

const board = document.getElementById("roadmap-board");
if (board?.dataset.movable === "true") {
    const template = board.querySelector("form.move-template");
    sortableLists(Array.from(board.querySelectorAll(".roadmap-cards")), {
        items: ".roadmap-card",
        group: "roadmap",
        onDrop: ({ item, to, before }) => {
            board.classList.add("busy");
            submitMove(template, {
                itemId: item.dataset.id,
                horizon: to.closest(".roadmap-column").dataset.horizon,
                beforeItemId: before?.dataset.id ?? "",
                version: item.dataset.version,
            });
            return true;
        },
    });
}
