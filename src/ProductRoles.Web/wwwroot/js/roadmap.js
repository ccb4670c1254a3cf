// Drag and drop on the Now/Next/Later board. It posts the same move command as the move buttons
// (item, horizon, the item it now stands before, version), then swaps in the board the server
// returns, so ranks and versions stay the server's. Without JavaScript the buttons do the same.
(function () {
    "use strict";

    function init() {
        var board = document.getElementById("roadmap-board");
        if (!board || board.dataset.movable !== "true") {
            return;
        }

        var dragged = null;
        var marker = document.createElement("li");
        marker.className = "drop-marker";
        marker.setAttribute("aria-hidden", "true");

        board.addEventListener("dragstart", function (e) {
            var card = e.target.closest && e.target.closest(".roadmap-card");
            if (!card) {
                return;
            }
            dragged = card;
            card.classList.add("dragging");
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", card.dataset.id);
        });

        board.addEventListener("dragend", function () {
            if (dragged) {
                dragged.classList.remove("dragging");
            }
            dragged = null;
            marker.remove();
            board.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
        });

        board.addEventListener("dragover", function (e) {
            var column = e.target.closest && e.target.closest(".roadmap-column");
            if (!dragged || !column) {
                return;
            }
            e.preventDefault();
            e.dataTransfer.dropEffect = "move";
            board.querySelectorAll(".drop-target").forEach(function (c) { if (c !== column) { c.classList.remove("drop-target"); } });
            column.classList.add("drop-target");
            var list = column.querySelector(".roadmap-cards");
            var before = cardAfterPointer(list, e.clientY);
            if (before) {
                list.insertBefore(marker, before);
            } else {
                list.appendChild(marker);
            }
        });

        board.addEventListener("drop", function (e) {
            var column = e.target.closest && e.target.closest(".roadmap-column");
            if (!dragged || !column) {
                return;
            }
            e.preventDefault();
            var next = marker.nextElementSibling;
            while (next && (next === dragged || !next.classList.contains("roadmap-card"))) {
                next = next.nextElementSibling;
            }
            var previous = marker.previousElementSibling;
            while (previous && (previous === dragged || !previous.classList.contains("roadmap-card"))) {
                previous = previous.previousElementSibling;
            }
            var card = dragged;
            var horizon = column.dataset.horizon;
            marker.remove();
            column.classList.remove("drop-target");
            var sameColumn = card.closest(".roadmap-column") === column;
            var unchanged = sameColumn && (next ? card.nextElementSibling === next : !nextCard(card)) && (!previous || prevCard(card) === previous);
            if (unchanged) {
                return;
            }
            move(board, card, horizon, next ? next.dataset.id : "");
        });
    }

    function nextCard(card) {
        var n = card.nextElementSibling;
        while (n && !n.classList.contains("roadmap-card")) { n = n.nextElementSibling; }
        return n;
    }

    function prevCard(card) {
        var p = card.previousElementSibling;
        while (p && !p.classList.contains("roadmap-card")) { p = p.previousElementSibling; }
        return p;
    }

    function cardAfterPointer(list, y) {
        var cards = Array.prototype.slice.call(list.querySelectorAll(".roadmap-card:not(.dragging)"));
        for (var i = 0; i < cards.length; i++) {
            var box = cards[i].getBoundingClientRect();
            if (y < box.top + box.height / 2) {
                return cards[i];
            }
        }
        return null;
    }

    function move(board, card, horizon, beforeId) {
        var template = board.querySelector("form.move-template");
        var data = new FormData(template);
        data.set("itemId", card.dataset.id);
        data.set("horizon", horizon);
        data.set("beforeItemId", beforeId);
        data.set("version", card.dataset.version);
        board.classList.add("busy");
        fetch(template.action, { method: "POST", body: data, credentials: "same-origin" })
            .then(function (response) { return response.text().then(function (html) { return { ok: response.ok, html: html }; }); })
            .then(function (result) {
                var doc = new DOMParser().parseFromString(result.html, "text/html");
                var fresh = doc.getElementById("roadmap-board");
                var main = doc.getElementById("main");
                if (!result.ok || !fresh || !main) {
                    window.location.reload();
                    return;
                }
                // The server's page after the move (or with the reason it was refused) replaces ours.
                document.getElementById("main").replaceWith(main);
                init();
                var moved = document.querySelector('.roadmap-card[data-id="' + card.dataset.id + '"] a');
                if (moved) {
                    moved.focus();
                }
            })
            .catch(function () { window.location.reload(); });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
