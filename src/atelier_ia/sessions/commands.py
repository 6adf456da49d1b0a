"""The trainer's commands: `atelier doctor`, `atelier models …`, `atelier session …`.

Messages in French; long work shows rich progress. Exit codes: 0 done, 1 something blocks
or failed (nothing half-made is left), 2 a wrong argument or setting.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from atelier_ia.sessions.hub_api import HubAPI, HubError
from atelier_ia.sessions.session import SessionError
from atelier_ia.settings import Settings

# soft_wrap: long French lines stay whole in logs and pipes (rich cuts at 80 columns there).
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

session_app = typer.Typer(
    help="Préparer, exporter et fermer une session d'atelier.", no_args_is_help=True
)
models_app = typer.Typer(
    help="Le catalogue des modèles et leur installation.", no_args_is_help=True
)


def _settings() -> Settings:
    from atelier_ia.cli import settings_or_exit

    return settings_or_exit()


def _fail(message: str, code: int = 1) -> typer.Exit:
    errors.print(f"[bold red]Erreur :[/] {message}", highlight=False)
    return typer.Exit(code)


# --------------------------------------------------------------------------------------------
# atelier doctor


def doctor(
    participants: int = typer.Option(
        30, "--participants", "-n", min=1, help="Taille de la salle prévue."
    ),
) -> None:
    """Vérifie que la journée peut avoir lieu et estime combien de participants le serveur sert."""
    from atelier_ia.sessions import doctor as checks

    settings = _settings()
    console.print(
        "[green]✓[/] Réglages : valides"
        + (f" ({settings.source})" if settings.source else " (valeurs par défaut)")
    )
    gateway = checks.check_gateway(settings)
    results = [
        checks.check_isolation(settings),
        checks.check_machine(checks.this_machine(), participants),
        checks.check_hub(settings),
        gateway,
    ]
    with console.status("Vérification des serveurs de modèles …"):
        results += [checks.check_upstream(settings, spec) for spec in settings.gateway.backends]
    for result in results:
        _show(result)
    blocked = any(not r.ok and r.blocking for r in results)
    if not gateway.ok:
        console.print("Mesure des modèles impossible sans la passerelle.")
    else:
        for model in settings.gateway.models:
            with console.status(f"Génération d'essai avec {model.name} …"):
                try:
                    speed = checks.measure(settings, model)
                except Exception as exc:  # noqa: BLE001 - reported, and the day is blocked
                    _show(
                        checks.Check(
                            f"Modèle {model.name}", False, f"génération impossible : {exc}"
                        )
                    )
                    blocked = True
                    continue
            _show(
                checks.Check(
                    f"Modèle {model.name}",
                    True,
                    f"premier mot en {speed.ttft_s:.2f} s, {speed.tokens_per_s:.0f} jetons/s, "
                    f"{speed.parallel} génération(s) à la fois",
                )
            )
            console.print(
                f"  Avec {model.name} sur ce serveur : ~{speed.capacity} participants avec une "
                "première réponse en moins de 10 s."
            )
            if speed.capacity < participants:
                console.print(f"  [yellow]Attention :[/] {checks.advice(speed, participants)}")
    if blocked:
        raise _fail("au moins un point bloque la journée (voir ci-dessus).")
    console.print("[bold green]Prêt pour la journée.[/]")


def _show(result) -> None:
    mark = "[green]✓[/]" if result.ok else ("[red]✗[/]" if result.blocking else "[yellow]![/]")
    console.print(f"{mark} {result.what} : {result.detail}", highlight=False)


# --------------------------------------------------------------------------------------------
# atelier models


@models_app.command("list")
def models_list() -> None:
    """Affiche le catalogue des modèles proposés aux participants."""
    settings = _settings()
    table = Table(title="Catalogue des modèles")
    for column in ("Modèle", "Nom affiché", "Serveurs", "Notes"):
        table.add_column(column)
    for model in settings.gateway.models:
        default = " (par défaut)" if model.name == settings.gateway.default_model else ""
        table.add_row(model.name + default, model.label, ", ".join(model.backends), model.notes)
    console.print(table)


@models_app.command("pull")
def models_pull(
    name: str = typer.Argument(..., help="Nom du modèle, tel qu'Ollama le connaît."),
    force: bool = typer.Option(False, "--force", help="Accepter un modèle hors du catalogue."),
) -> None:
    """Télécharge un modèle sur les serveurs Ollama qui doivent le servir."""
    from atelier_ia.llm.backends.ollama import pull

    settings = _settings()
    ollama_specs = [b for b in settings.gateway.backends if b.kind == "ollama"]
    entry = next((m for m in settings.gateway.models if m.name == name), None)
    if entry is None and not force:
        names = ", ".join(m.name for m in settings.gateway.models)
        raise _fail(
            f"« {name} » n'est pas dans le catalogue ({names}). Ajoutez-le à gateway.models, "
            "ou relancez avec --force.",
            2,
        )
    targets = [b for b in ollama_specs if entry is None or b.name in entry.backends]
    if not targets:
        raise _fail(
            f"Aucun serveur Ollama ne sert « {name} » dans les réglages (gateway.backends de "
            "type ollama) : rien à télécharger.",
            2,
        )
    for spec in targets:
        console.print(f"Téléchargement de {name} sur « {spec.name} » ({spec.url}) …")
        try:
            _pull_with_progress(pull(spec, name))
        except Exception as exc:  # noqa: BLE001 - the server's reason, in its words
            raise _fail(
                f"le serveur « {spec.name} » n'a pas pu télécharger {name} : {exc}"
            ) from None
    console.print(f"[bold green]{name} est installé.[/]")


def _pull_with_progress(lines) -> None:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console) as progress:
        tasks: dict[str, int] = {}
        for line in lines:
            digest, status = line.get("digest"), line.get("status", "")
            if digest and line.get("total"):
                if digest not in tasks:
                    tasks[digest] = progress.add_task(f"couche {digest[7:19]}", total=line["total"])
                progress.update(tasks[digest], completed=line.get("completed", 0))
            elif status:
                progress.console.print(f"  {status}")


# --------------------------------------------------------------------------------------------
# atelier session


OUTPUT = typer.Option(
    None,
    "--output",
    "-o",
    help="Dossier où écrire le ZIP (par défaut : exports/ dans le dossier d'état).",
)


def _confirm(question: str) -> bool:
    """A yes/no question answered in French (o, oui) or English (y, yes); no by default."""
    answer = typer.prompt(f"{question} [o/N]", default="n", show_default=False)
    return answer.strip().lower() in ("o", "oui", "y", "yes")


def _hub(settings: Settings) -> HubAPI:
    return HubAPI(settings)


@session_app.command("create")
def session_create(
    name: str = typer.Argument(..., help="Nom de la session (ex. agen-mars)."),
    participants: int = typer.Option(..., "--participants", "-n", help="Nombre de participants."),
    accounts: bool = typer.Option(
        False,
        "--accounts/--shared-password",
        help="Un mot de passe par personne, ou le mot de passe commun de l'atelier (par défaut).",
    ),
    warm_up: bool = typer.Option(
        False, "--warm", help="Démarrer dès maintenant les serveurs des participants."
    ),
    code: bool = typer.Option(
        False,
        "--code",
        help="Ouvrir JupyterLab et le code aux participants (« Pour aller plus loin »).",
    ),
) -> None:
    """Crée les comptes d'une session, leurs badges et la liste des participants."""
    from atelier_ia.sessions import lifecycle

    settings = _settings()
    hub = _hub(settings)
    try:
        with console.status("Création de la session …") as status:
            session, made = lifecycle.create(
                settings, hub, name, participants, accounts, progress=status.update, code=code
            )
        folder = settings.sessions_dir / name
        if made:
            console.print(
                f"[bold green]Session « {name} » créée[/] : {participants} comptes "
                f"(groupe {session.group})."
            )
        else:
            console.print(f"La session « {name} » existe déjà avec ces réglages : rien n'a changé.")
        console.print(f"  Badges à imprimer : {folder / 'badges.pdf'}")
        console.print(f"  Liste des participants : {folder / 'participants.csv'}")
        if warm_up:
            _warm(hub, session)
    except (SessionError, HubError) as exc:
        raise _fail(str(exc), getattr(exc, "code", 1)) from None
    finally:
        hub.close()


def _warm(hub: HubAPI, session) -> None:
    from atelier_ia.sessions import lifecycle

    with Progress(
        TextColumn("Démarrage des serveurs"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=console,
    ) as progress:
        task = progress.add_task("", total=len(session.users))
        late = lifecycle.warm(hub, session, progress=lambda _: progress.advance(task))
    if late:
        errors.print(
            f"[yellow]Attention :[/] {len(late)} serveur(s) pas encore prêts "
            f"({', '.join(late[:5])}) ; ils finiront de démarrer à la connexion."
        )
    else:
        console.print(
            "Tous les serveurs sont prêts : la première connexion arrive directement au catalogue."
        )


@session_app.command("export")
def session_export(
    name: str = typer.Argument(..., help="Nom de la session."),
    output: Path = OUTPUT,
) -> None:
    """Exporte les chiffres de la salle, le journal pseudonymisé et les travaux de chacun."""
    from atelier_ia.sessions import lifecycle

    settings = _settings()
    try:
        with console.status("Export en cours …"):
            path = lifecycle.export(settings, name, output)
    except SessionError as exc:
        raise _fail(str(exc), exc.code) from None
    console.print(f"[bold green]Export écrit[/] : {path}")


@session_app.command("close")
def session_close(
    name: str = typer.Argument(..., help="Nom de la session."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Ne pas demander de confirmation."),
    output: Path = OUTPUT,
) -> None:
    """Exporte, puis arrête les serveurs et supprime les comptes et leurs dossiers."""
    from atelier_ia.sessions import lifecycle
    from atelier_ia.sessions.session import load

    settings = _settings()
    hub = _hub(settings)
    try:
        session = load(settings, name)
        if not yes and not _confirm(
            f"Fermer la session « {name} » : exporter, puis supprimer ses {len(session.users)} "
            "comptes et leurs dossiers ?"
        ):
            raise _fail("fermeture annulée : rien n'a été supprimé.")
        with console.status("Fermeture …") as status:
            path = lifecycle.close(settings, hub, name, output, progress=status.update)
    except (SessionError, HubError) as exc:
        raise _fail(str(exc), getattr(exc, "code", 1)) from None
    finally:
        hub.close()
    console.print(f"[bold green]Session « {name} » fermée.[/] Export conservé : {path}")
