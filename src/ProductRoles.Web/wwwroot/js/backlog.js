// Drag-and-drop ordering for the product backlog. It only enhances the no-JS forms: a drop fills in
// the dragged row's own "to position" form and submits it, so the server runs the same move command.
(() => {
    const table = document.querySelector('table.po-backlog[data-can-order="true"]');
    if (!table) {
        return;
    }

    let dragged = null;
    // On later pages a zone above the table takes a row straight to the top of the whole backlog.
    const topZone = document.querySelector('.po-drop-top');
    const rows = () => Array.from(table.tBodies[0].rows);
    const clearMarks = () => rows().forEach(r => r.classList.remove('po-drop-before', 'po-drop-after'));
    const isAfter = (row, event) => {
        const box = row.getBoundingClientRect();
        return event.clientY > box.top + box.height / 2;
    };

    table.addEventListener('dragstart', event => {
        dragged = event.target.closest('tr[data-item-id]');
        if (!dragged) {
            return;
        }
        dragged.classList.add('po-dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', dragged.dataset.itemId);
    });

    table.addEventListener('dragend', () => {
        dragged?.classList.remove('po-dragging');
        dragged = null;
        clearMarks();
        topZone?.classList.remove('po-drop-active');
    });

    const moveTo = (to) => {
        const form = dragged.querySelector('form.po-move');
        form.querySelector('input[name="position"]').value = String(to);
        form.requestSubmit(form.querySelector('button[value="ToPosition"]'));
    };

    if (topZone) {
        topZone.hidden = false;
        topZone.addEventListener('dragover', event => {
            if (dragged) {
                event.preventDefault();
                topZone.classList.add('po-drop-active');
            }
        });
        topZone.addEventListener('dragleave', () => topZone.classList.remove('po-drop-active'));
        topZone.addEventListener('drop', event => {
            if (dragged) {
                event.preventDefault();
                moveTo(1);
            }
        });
    }

    table.addEventListener('dragover', event => {
        const row = event.target.closest('tr[data-item-id]');
        if (!dragged || !row || row === dragged) {
            return;
        }
        event.preventDefault();
        clearMarks();
        row.classList.add(isAfter(row, event) ? 'po-drop-after' : 'po-drop-before');
    });

    table.addEventListener('drop', event => {
        const row = event.target.closest('tr[data-item-id]');
        if (!dragged || !row || row === dragged) {
            return;
        }
        event.preventDefault();
        const from = Number(dragged.dataset.position);
        let to = Number(row.dataset.position) + (isAfter(row, event) ? 1 : 0);
        // Positions count the list without the moved item once it has left its old place.
        if (from < to) {
            to -= 1;
        }
        clearMarks();
        if (to === from) {
            return;
        }
        moveTo(to);
    });
})();
