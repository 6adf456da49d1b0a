"""`atelier`: the command trainers and operators type. Messages in French."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import typer
from rich.console import Console
from rich.panel import Panel

from atelier_ia import paths
from atelier_ia.settings import Settings, SettingsError, ensure_secrets, load_settings

app = typer.Typer(
    help="Atelier IA : ateliers d'IA générative pour les collectivités.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)


@app.callback()
def _commands() -> None:
    """Atelier IA : ateliers d'IA générative pour les collectivités."""


def settings_or_exit() -> Settings:
    from atelier_ia.isolation import layout

    try:
        settings = load_settings()
        layout.prepare(settings)
        return ensure_secrets(settings)
    except SettingsError as exc:
        errors.print(f"[bold red]Erreur :[/] {exc}", highlight=False)
        raise typer.Exit(2) from None


def hub_environment(settings: Settings) -> dict[str, str]:
    """The hub must read the very same settings: pass the file and state dir explicitly."""
    env = dict(os.environ)
    env["ATELIER_STATE_DIR"] = str(settings.state_dir)
    if settings.source is not None:
        env["ATELIER_CONFIG"] = str(settings.source)
    env["PATH"] = f"{paths.VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def wait_for_hub(settings: Settings, process: subprocess.Popen, deadline_s: float = 120) -> bool:
    url = f"http://127.0.0.1:{settings.hub.port}/hub/api/"
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    return False


def welcome(settings: Settings, isolated: bool) -> Panel:
    auth = settings.auth
    trainers = ", ".join(auth.admin_users)
    text = (
        f"[bold]Adresse :[/] {settings.public_url}\n\n"
        f"[bold]Participants[/] : n'importe quel identifiant (lettres minuscules, chiffres),\n"
        f"  mot de passe de l'atelier : [bold green]{auth.workshop_password}[/]\n\n"
        f"[bold]Formateur[/] (administrateur) : identifiant [bold]{trainers}[/],\n"
        f"  mot de passe : [bold yellow]{auth.admin_password}[/]\n\n"
        f"[bold]Suivi de la salle[/] (formateurs) : {settings.public_url}/services/suivi/\n"
        "Préparer une journée : .venv/bin/atelier doctor, puis atelier session create\n\n"
        + (
            "Isolation : un compte Unix par personne\n"
            if isolated
            else "Mode démonstration : un seul compte pour tous, adresse locale uniquement\n"
        )
        + f"Mots de passe conservés dans {settings.secrets_file}\n"
        "Ctrl-C pour tout arrêter."
    )
    return Panel(text, title="Atelier IA est prêt", expand=False)


@app.command()
def up() -> None:
    """Démarre la plateforme (hub, proxy, passerelle des modèles) sur cette machine."""
    from atelier_ia.exercises import course
    from atelier_ia.hub import priority
    from atelier_ia.isolation import accounts, reach
    from atelier_ia.isolation import mode as isolation

    settings = settings_or_exit()
    try:
        mode = isolation.resolve(settings)
        if mode == isolation.ACCOUNTS:
            reach.check(settings.homes_dir)
    except (SettingsError, reach.Unreachable) as exc:
        errors.print(f"[bold red]Erreur :[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    if mode == isolation.DEMO:
        console.print(f"[bold yellow]{isolation.DEMO_BANNER}[/]")
    try:
        # Before the hub: the course's service runs as the grader account, in its folder.
        course.prepare(settings)
    except (accounts.AccountError, OSError) as exc:
        errors.print(f"[bold red]Erreur :[/] cours des exercices : {exc}", highlight=False)
        raise typer.Exit(2) from None
    # What the hub, proxy and gateway write is theirs alone (databases, logs, WAL files).
    os.umask(0o077)
    # Its session ahead of people's servers and kernels (hub/priority.py).
    command = priority.raised(
        [str(paths.VENV_BIN / "jupyterhub"), "-f", str(paths.HUB_CONFIG_FILE)],
        settings.hub.niceness,
    )
    console.print(f"Démarrage d'Atelier IA sur {settings.public_url} …")
    # The hub gets its own session so that Ctrl-C reaches only us; we then stop it once, with
    # SIGTERM, and it stops the proxy, the gateway and the user servers.
    process = subprocess.Popen(
        command, env=hub_environment(settings), cwd=settings.private_dir, start_new_session=True
    )
    # Both stop everything; set explicitly, since a shell may start us with SIGINT ignored.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    signal.signal(signal.SIGINT, _raise_interrupt)
    try:
        if wait_for_hub(settings, process):
            console.print(welcome(settings, mode == isolation.ACCOUNTS))
        code = process.wait()
    except KeyboardInterrupt:
        console.print("Arrêt en cours (hub, proxy, passerelle, serveurs des participants) …")
        code = _stop(process)
    if code not in (0, -signal.SIGINT, -signal.SIGTERM):
        errors.print(
            f"[bold red]Le hub s'est arrêté avec le code {code}.[/] Voir les messages ci-dessus."
        )
        raise typer.Exit(1)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop(process: subprocess.Popen) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not leave orphans
    if process.poll() is None:
        process.terminate()
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.wait()


@app.command()
def check(
    targets: list[Path] = typer.Argument(  # noqa: B008 - typer's way
        None,
        help="Notebooks, dossiers ou cours nbgrader (par défaut : les ateliers et les "
        "exercices livrés).",
    ),
) -> None:
    """Exécute les ateliers et les exercices sans navigateur et dit lesquels échouent."""
    from rich.table import Table

    from atelier_ia.exercises.authoring import check_course, is_course
    from atelier_ia.exercises.course import SHIPPED_DIR
    from atelier_ia.notebooks import find_notebooks, run_notebook

    chosen = targets or [paths.WORKSHOPS_DIR, SHIPPED_DIR]
    courses = [t for t in chosen if t.is_dir() and is_course(t)]
    notebooks = find_notebooks([t for t in chosen if t not in courses])
    if not notebooks and not courses:
        errors.print("[bold red]Aucun notebook trouvé.[/]")
        raise typer.Exit(2)
    table = Table(title="Vérification des ateliers et des exercices")
    table.add_column("Notebook ou exercice")
    table.add_column("Résultat")
    table.add_column("Durée", justify="right")
    results = []
    for notebook in notebooks:
        with console.status(f"Exécution de {notebook.name} …"):
            results.append(run_notebook(notebook))
    for folder in courses:
        with console.status(f"Exercices de {folder} : solutions et tests …"):
            results += check_course(folder)
    for result in results:
        verdict = "[green]OK[/]" if result.ok else f"[red]Échec[/] : {result.error}"
        table.add_row(str(result.path), verdict, f"{result.seconds:.1f} s")
    console.print(table)
    failed = [r for r in results if not r.ok]
    for result in failed:  # whole, for a log or a pipe where the table cuts lines
        errors.print(f"Échec : {result.path} : {result.error}", soft_wrap=True, markup=False)
    if failed:
        errors.print(f"[bold red]{len(failed)} vérification(s) en échec sur {len(results)}.[/]")
        raise typer.Exit(1)
    console.print(f"[bold green]Les {len(results)} vérifications passent.[/]")


@app.command("new-workshop")
def new_workshop(
    slug: str = typer.Argument(..., help="Le nom court, par exemple repondre-a-un-elu."),
    title: str = typer.Option("Nouvel atelier", "--titre", help="Le titre de la carte."),
    root: Path = typer.Option(  # noqa: B008 - typer's way
        paths.PROJECT_ROOT, "--dans", help="Le dossier du projet (par défaut : celui-ci)."
    ),
) -> None:
    """Crée un atelier à partir du modèle : son notebook, son application et son test."""
    from atelier_ia.apps.scaffold import new_workshop as scaffold

    try:
        made = scaffold(slug, title, root)
    except (ValueError, FileExistsError) as exc:
        errors.print(f"[bold red]Erreur :[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    for path in (made.notebook, made.module, made.test):
        console.print(f"  créé : {path}", highlight=False)
    console.print(
        "Ajoutez sa carte au catalogue (WORKSHOPS dans src/atelier_ia/apps/catalogue.py) :\n"
        f"    {made.card}\n"
        f"puis « atelier check {made.notebook} ».",
        highlight=False,
        soft_wrap=True,
    )


def _register_trainer_commands() -> None:
    from atelier_ia.exercises.commands import exercises_app
    from atelier_ia.sessions.commands import doctor, models_app, session_app

    app.command("doctor")(doctor)
    app.add_typer(session_app, name="session")
    app.add_typer(models_app, name="models")
    app.add_typer(exercises_app, name="exercises")


_register_trainer_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
