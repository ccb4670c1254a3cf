// Sprint backlog board: drag a card to another column. Without JavaScript the card's own buttons do
// the same; this only submits those forms (or follows the Done link to the Definition of Done checklist).
(function () {
    "use strict";
    var board = document.querySelector(".board[data-board='movable']");
    if (!board) {
        return;
    }

    var dragged = null;

    board.addEventListener("dragstart", function (event) {
        var card = event.target.closest ? event.target.closest(".board-card[draggable='true']") : null;
        if (!card) {
            return;
        }
        dragged = card;
        card.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.getAttribute("data-item"));
    });

    board.addEventListener("dragend", function () {
        if (dragged) {
            dragged.classList.remove("dragging");
        }
        dragged = null;
        board.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
    });

    board.querySelectorAll(".board-column").forEach(function (column) {
        column.addEventListener("dragover", function (event) {
            if (!dragged || dragged.closest(".board-column") === column) {
                return;
            }
            event.preventDefault();
            column.classList.add("drop-target");
        });
        column.addEventListener("dragleave", function (event) {
            if (!column.contains(event.relatedTarget)) {
                column.classList.remove("drop-target");
            }
        });
        column.addEventListener("drop", function (event) {
            event.preventDefault();
            column.classList.remove("drop-target");
            if (!dragged) {
                return;
            }
            var target = column.getAttribute("data-column");
            var control = dragged.querySelector("[data-move='" + target + "']");
            if (!control) {
                return;
            }
            if (control.tagName === "A") {
                window.location.assign(control.href);
            } else {
                control.submit();
            }
        });
    });
})();
