// The bell in the top bar. The server renders the unread count on every page; this keeps it right
// while the page is open: the live hub says "notified" to this user's pages after a commit, and the
// bell asks for its count again. Without script or a connection the count is right on the next page.
const bell = document.getElementById("notification-bell");
const count = document.getElementById("notification-count");

function loadSignalR() {
    if (window.signalR) {
        return Promise.resolve(window.signalR);
    }
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "/lib/microsoft-signalr/signalr.min.js";
        script.onload = () => resolve(window.signalR);
        script.onerror = reject;
        document.head.append(script);
    });
}

function show(unread) {
    count.textContent = unread > 99 ? "99+" : String(unread);
    count.hidden = unread === 0;
    bell.setAttribute("aria-label", unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`);
    bell.dataset.unread = String(unread);
}

async function refresh() {
    try {
        const response = await fetch(bell.dataset.countSrc, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (response.ok) {
            const body = await response.json();
            show(body.unread);
        }
    } catch {
        // The next page load shows the count.
    }
}

if (bell && count && document.getElementById("live-bar")) {
    // A live page already holds a connection to the hub (live.js): the bell listens through it.
    bell.dataset.unread = count.hidden ? "0" : count.textContent;
    document.addEventListener("live:notified", refresh);
    bell.dataset.live = "true";
} else if (bell && count) {
    bell.dataset.unread = count.hidden ? "0" : count.textContent;
    const signalR = await loadSignalR();
    const connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/live")
        .withAutomaticReconnect()
        .configureLogging(signalR.LogLevel.None)
        .build();
    connection.on("notified", refresh);
    // After a reconnect something may have been missed.
    connection.onreconnected(refresh);
    try {
        await connection.start();
        bell.dataset.live = "true";
    } catch {
        // No live bell; the page works as before.
    }
}
