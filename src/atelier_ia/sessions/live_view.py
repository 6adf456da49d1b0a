"""The trainers' live view: who is here and on which workshop, the model queue, errors,
tokens by model, the quiz before/after and the arena's votes. It refreshes itself.

It runs in the `suivi` hub service, whose kernels hold the service's token: it reads the hub's
API (users, servers, groups) and the gateway's room figures and records, never anyone's files.
"""

from __future__ import annotations

import asyncio
import html
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import ipywidgets as widgets

from atelier_ia.apps.common import App, text_box
from atelier_ia.apps.quiz import QUESTIONS
from atelier_ia.sessions.accounts import group_name

ALL = "Toute la salle"
SESSION_PREFIX = group_name("")


@dataclass
class Room:
    """One snapshot of the room, as the hub and the gateway give it."""

    users: list[dict[str, Any]] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    exercises: list[Any] = field(default_factory=list)  # exercises.progress.AssignmentCounts


class Sources:
    """Reads the hub and the gateway with the service's own token."""

    def __init__(
        self, hub_api: str, gateway: str, token: str, timeout: float = 10, exercises=None
    ) -> None:
        # Where the course's assignments stand, read from disk (exercises.progress).
        self.exercises = exercises or (lambda: [])
        headers = {"Authorization": f"token {token}"}
        self.hub = httpx.Client(base_url=hub_api.rstrip("/"), headers=headers, timeout=timeout)
        self.gateway = httpx.Client(base_url=gateway.rstrip("/"), headers=headers, timeout=timeout)

    @classmethod
    def from_environment(cls) -> Sources:
        from atelier_ia.exercises.progress import counts
        from atelier_ia.settings import load_settings

        settings = load_settings()
        return cls(
            os.environ["JUPYTERHUB_API_URL"],
            os.environ["ATELIER_GATEWAY_URL"],
            os.environ["JUPYTERHUB_API_TOKEN"],
            exercises=lambda: counts(settings),
        )

    def read(self) -> Room:
        # Only people whose server runs or starts: the view shows no one else, and the list
        # stays within one page of the hub's API however many accounts sessions have made.
        users = self.hub.get("/users", params={"state": "active"}).raise_for_status().json()
        groups = {
            g["name"]: g.get("users", [])
            for g in self.hub.get("/groups").raise_for_status().json()
            if g["name"].startswith(SESSION_PREFIX)
        }
        summary = self.gateway.get("/audit/room").raise_for_status().json()
        records = {
            kind: self.gateway.get(f"/records/{kind}").raise_for_status().json()["records"]
            for kind in ("quiz", "arene", "ouverture")
        }
        try:
            exercises = self.exercises()
        except OSError:
            exercises = []  # the course folder is being made: the next refresh shows it
        return Room(users, groups, summary, records, exercises)


# ---------------------------------------------------------------------------------------------
# Rendering: pure functions from a snapshot to HTML, so each can be tested alone.


def _ago(when: str | None, now: datetime) -> str:
    if not when:
        return "—"
    seconds = (now - datetime.fromisoformat(when.replace("Z", "+00:00"))).total_seconds()
    if seconds < 60:
        return "à l'instant"
    if seconds < 3600:
        return f"il y a {seconds // 60:.0f} min"
    return f"il y a {seconds // 3600:.0f} h"


def _clock(when: str) -> str:
    """An ISO time as the server's clock shows it (HH:MM:SS)."""
    return datetime.fromisoformat(when).astimezone().strftime("%H:%M:%S")


def _table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"<p><em>{html.escape(empty)}</em></p>"
    head = "".join(
        f"<th scope='col' style='text-align:left;padding:2px 8px'>{h}</th>" for h in headers
    )
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        f"<table class='atelier-live-table'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _bars(counts: list[tuple[str, float]], unit: str, colour: str = "#0b3d91") -> str:
    """A horizontal bar chart in plain HTML: each bar carries its figure as text, too."""
    if not counts:
        return "<p><em>Rien pour l'instant.</em></p>"
    top = max(value for _, value in counts) or 1
    rows = "".join(
        f"<div style='display:flex;align-items:center;gap:6px;margin:1px 0'>"
        f"<span style='width:9em;text-align:right'>{html.escape(label)}</span>"
        f"<span style='display:inline-block;height:1em;width:{max(2, 240 * value / top):.0f}px;"
        f"background:{colour}'></span><span>{value:g} {unit}</span></div>"
        for label, value in counts
    )
    return f"<div class='atelier-live-bars'>{rows}</div>"


def where_people_are(room: Room) -> dict[str, tuple[str, str]]:
    """Each person's latest workshop, from workshop openings and model requests alike."""
    latest: dict[str, tuple[str, str]] = {}
    for record in room.records.get("ouverture", []):
        latest[record["user"]] = (record["time"], record["payload"].get("atelier", ""))
    for user, seen in room.summary.get("recent", {}).get("last_workshop", {}).items():
        if seen["workshop"] and seen["time"] >= latest.get(user, ("", ""))[0]:
            latest[user] = (seen["time"], seen["workshop"])
    return latest


def people_html(room: Room, members: set[str] | None, now: datetime) -> str:
    places = where_people_are(room)
    rows = []
    for user in sorted(room.users, key=lambda u: u.get("last_activity") or "", reverse=True):
        name = user["name"]
        if user.get("admin") or (members is not None and name not in members):
            continue
        server = (user.get("servers") or {}).get("")
        if not server:
            continue
        state = "connecté" if server.get("ready") else "démarrage…"
        workshop = places.get(name, ("", "—"))[1] or "—"
        rows.append(
            [
                html.escape(name),
                state,
                html.escape(workshop),
                _ago(user.get("last_activity"), now),
            ]
        )
    title = f"<h3>Connectés : {len(rows)}</h3>"
    return title + _table(
        ["Participant", "Serveur", "Atelier", "Dernière activité"],
        rows,
        "Personne n'est connecté pour l'instant.",
    )


def activity_html(room: Room) -> str:
    recent = room.summary.get("recent", {})
    queue = room.summary.get("queue", {})
    minutes = recent.get("per_minute", [])
    waits = max((m["max_wait_s"] for m in minutes), default=0.0)
    return (
        f"<h3>Demandes aux modèles (dernières {recent.get('minutes', 15)} minutes)</h3>"
        f"<p class='atelier-live-queue'>En ce moment : <strong>{queue.get('running', 0)}</strong>"
        f" en cours, <strong>{queue.get('waiting', 0)}</strong> en attente ; attente la plus "
        f"longue : <strong>{waits:.1f} s</strong>.</p>"
        + _bars([(m["minute"], m["requests"]) for m in minutes], "demande(s)")
    )


def errors_html(room: Room) -> str:
    errors = room.summary.get("recent", {}).get("errors", [])
    rows = [
        [
            _clock(e["time"]),
            html.escape(e["user"]),
            html.escape(e["workshop"] or "—"),
            html.escape(e["error"][:160]),
        ]
        for e in reversed(errors)
    ]
    return "<h3>Erreurs récentes</h3>" + _table(
        ["Heure", "Participant", "Atelier", "Erreur"], rows, "Aucune erreur."
    )


def tokens_html(room: Room) -> str:
    models = room.summary.get("by_model", [])
    return "<h3>Jetons par modèle (depuis le début)</h3>" + _bars(
        [(m["key"], m["tokens_in"] + m["tokens_out"]) for m in models], "jetons", "#5a3d91"
    )


def quiz_html(room: Room, members: set[str] | None) -> str:
    parts = ["<h3>Quiz : avant et après</h3>"]
    for phase, label in (("avant", "Avant"), ("apres", "Après")):
        last = {
            r["user"]: r["payload"].get("score", 0)
            for r in room.records.get("quiz", [])
            if r["payload"].get("phase") == phase and (members is None or r["user"] in members)
        }
        scores = Counter(last.values())
        mean = sum(last.values()) / len(last) if last else 0
        parts.append(
            f"<p><strong>{label}</strong> : {len(last)} réponse(s)"
            + (f", score moyen {mean:.1f} sur {len(QUESTIONS)}" if last else "")
            + "</p>"
            + _bars(
                [(f"{s} sur {len(QUESTIONS)}", scores[s]) for s in sorted(scores)],
                "pers.",
                "#1b6e1b",
            )
        )
    return "".join(parts)


def arena_html(room: Room, members: set[str] | None) -> str:
    votes = [
        r["payload"]
        for r in room.records.get("arene", [])
        if members is None or r["user"] in members
    ]
    preferred: Counter[str] = Counter()
    for vote in votes:
        choice = vote.get("choice", "")
        if choice in ("A", "B"):
            side = vote.get(choice, {})
            preferred[f"{side.get('model', '?')} (t={side.get('temperature', '?')})"] += 1
        else:
            preferred["égalité / aucune"] += 1
    return f"<h3>Arène : {len(votes)} vote(s)</h3>" + _bars(
        preferred.most_common(), "vote(s)", "#8a5a00"
    )


# ---------------------------------------------------------------------------------------------


def exercises_html(room: Room) -> str:
    """Counts per assignment for the whole course (not per session: nbgrader's course is one
    for all sessions)."""
    rows = [
        [
            html.escape(c.assignment),
            "oui" if c.released else "non",
            str(c.submitted),
            str(c.collected),
            str(c.graded),
            str(c.feedback),
        ]
        for c in room.exercises
    ]
    return "<h3>Exercices notés</h3>" + _table(
        ["Exercice", "Publié", "Remis", "Ramassés", "Notés", "Retours rendus"],
        rows,
        "Aucun exercice dans le cours.",
    )


class LiveView(App):
    def __init__(self, sources: Sources | None = None, refresh_s: float | None = None) -> None:
        self.sources = sources or Sources.from_environment()
        if refresh_s is None:
            from atelier_ia.settings import load_settings

            refresh_s = load_settings().sessions.live_refresh
        self.refresh_s = refresh_s
        self.room = Room()
        self.session = widgets.Dropdown(description="Session", options=[ALL], value=ALL)
        self.session.observe(lambda _: self.render(), names="value")
        self.stamp = widgets.HTML()
        self.error = widgets.HTML()
        self.people = widgets.HTML()
        self.activity = widgets.HTML()
        self.errors = widgets.HTML()
        self.tokens = widgets.HTML()
        self.quiz = widgets.HTML()
        self.arena = widgets.HTML()
        self.exercises = widgets.HTML()
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h2>Suivi de la salle</h2>"),
                widgets.HBox([self.session, self.stamp]),
                self.error,
                self.people,
                self.activity,
                self.errors,
                widgets.HBox([self.tokens, self.arena]),
                self.quiz,
                self.exercises,
            ],
            layout=widgets.Layout(max_width="1100px"),
        )
        self._task: asyncio.Task | None = None
        self._failure = ""

    def members(self) -> set[str] | None:
        if self.session.value == ALL:
            return None
        return set(self.room.groups.get(group_name(self.session.value), []))

    def fetch(self) -> Room | None:
        """Read the room (blocking: run off the kernel's event loop)."""
        try:
            return self.sources.read()
        except httpx.HTTPError as exc:
            self._failure = type(exc).__name__
            return None

    def apply(self, room: Room | None) -> bool:
        """Show a snapshot; widgets change on the kernel's own thread."""
        if room is None:
            self.error.value = text_box(
                f"Lecture impossible ({self._failure}) : le hub ou la passerelle ne répond "
                "pas. Nouvel essai dans quelques secondes.",
                "error",
            )
            return False
        self.room = room
        self.error.value = ""
        sessions = [ALL] + sorted(g[len(SESSION_PREFIX) :] for g in room.groups)
        if list(self.session.options) != sessions:
            current = self.session.value
            self.session.options = sessions
            self.session.value = current if current in sessions else ALL
        self.render()
        return True

    def refresh(self) -> bool:
        return self.apply(self.fetch())

    def render(self) -> None:
        now = datetime.now(UTC)
        members = self.members()
        self.people.value = people_html(self.room, members, now)
        self.activity.value = activity_html(self.room)
        self.errors.value = errors_html(self.room)
        self.tokens.value = tokens_html(self.room)
        self.quiz.value = quiz_html(self.room, members)
        self.arena.value = arena_html(self.room, members)
        self.exercises.value = exercises_html(self.room)
        self.stamp.value = (
            f"<span class='atelier-live-stamp'>Mis à jour à {datetime.now():%H:%M:%S} "
            f"(toutes les {self.refresh_s:g} s)</span>"
        )

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.refresh_s)
            self.apply(await asyncio.to_thread(self.fetch))

    def start(self) -> LiveView:
        """Show the room now, then refresh it every few seconds while the page is open: the
        kernel's event loop runs the task and the widgets change in place, without reloading."""
        self.refresh()
        self._task = asyncio.get_event_loop().create_task(self._loop())
        return self
