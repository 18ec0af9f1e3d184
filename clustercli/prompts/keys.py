"""The keys of the special actions, on every kind of prompt, and the hint line that shows them.

questionary's select and checkbox swallow every key they do not know, and its text prompt types
every printable one, so the actions are extra key bindings merged into each prompt's application:
pressing one ends the prompt with a `Stopped`: the action (a `Special`) and what the prompt held
then, so that help and notes can bring the prompt back as it was. Two sets of keys:

- chords (Ctrl-T back, Ctrl-G help, Ctrl-P pause, Ctrl-N note) work on every prompt, text too,
  since they are never text. Chosen among the keys a terminal passes through and a one-line
  prompt does not need: Ctrl-B is tmux's prefix, Ctrl-H is backspace, Ctrl-A/E/K/U/W edit.
- in lists, where nothing is typed, friendlier single keys as well: ← or < back, ? help.

Ctrl-C and Ctrl-D end every prompt with KeyboardInterrupt and EOFError, which the driver turns into
a pause; select and checkbox would otherwise swallow Ctrl-D, and a text prompt would read it as
"delete the next character" unless the line is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application, get_app_or_none
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys

from clustercli import interrupts
from clustercli.engine.driver import Special
from clustercli.i18n import t
from clustercli.prompts.keymap import CHORDS, KEY_NAMES, LIST_KEYS, key_help
from clustercli.prompts.widgets import Draft, snapshot

__all__ = ["CHORDS", "KEY_NAMES", "LIST_KEYS", "Offer", "Stopped", "bind", "hint", "key_help",
           "offer"]

ACTION_WORDS = {Special.BACK: "prompts.action.back", Special.HELP: "prompts.action.help",
                Special.PAUSE: "prompts.action.pause", Special.NOTE: "prompts.action.note"}


@dataclass(frozen=True)
class Stopped:
    """A prompt ended by a special action, with its ticks, typed text or pointer at that
    moment."""

    action: Special
    draft: Draft


@dataclass(frozen=True)
class Offer:
    """Which actions a prompt offers, and whether it is a list (single keys allowed)."""

    actions: tuple[Special, ...]
    in_list: bool

    def keys(self, action: Special) -> tuple[str, ...]:
        extra = LIST_KEYS.get(action, ()) if self.in_list else ()
        return (*extra, CHORDS[action])


def offer(*, back: bool, help: bool, note: bool, in_list: bool) -> Offer:
    """Back, help and note where they make sense; pause always."""
    wanted = [(Special.BACK, back), (Special.HELP, help), (Special.PAUSE, True),
              (Special.NOTE, note)]
    return Offer(tuple(action for action, on in wanted if on), in_list)


def bind(app: Application[Any], offered: Offer) -> None:
    """Add the action keys and the Ctrl-C / Ctrl-D pause to a prompt's application."""
    bindings = KeyBindings()
    for action in offered.actions:
        for key in offered.keys(action):
            bindings.add(key, eager=True)(_finish_with(action))

    @bindings.add("c-c", eager=True)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add("c-d", eager=True)
    def _end_of_input(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    # `kill -INT`: prompt_toolkit turns the signal into this key while a prompt runs.
    @bindings.add(Keys.SIGINT, eager=True)
    def _signal(event: KeyPressEvent) -> None:
        event.app.exit(exception=interrupts.caught(interrupts.SIGINT), style="class:aborting")

    # Later bindings win over earlier ones for the same key, so ours go last.
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def _leave_prompt(stop: interrupts.Stop) -> bool:
    """SIGTERM or SIGHUP while a prompt runs: end it as Ctrl-C would (see interrupts)."""
    app = get_app_or_none()
    if app is None or not app.is_running:
        return False

    def leave() -> None:
        if not app.future or not app.future.done():
            app.exit(exception=stop, style="class:aborting")

    if app.loop is None:  # running without an event loop of its own: nothing to stop
        return False
    app.loop.call_soon_threadsafe(leave)
    return True


interrupts.set_prompt_hook(_leave_prompt)


def _finish_with(action: Special) -> Callable[[KeyPressEvent], None]:
    def handler(event: KeyPressEvent) -> None:
        # The question will be shown again (help, note) or another one comes (back): leave no
        # half-answered copy of it on the screen.
        event.app.erase_when_done = True
        event.app.exit(result=Stopped(action, snapshot(event.app)))

    return handler


def hint(offered: Offer, lang: str, first: list[str] | None = None) -> str:
    """The line under a question: "1–5 kiezen · ← terug · ? uitleg · Ctrl-P pauze" (`first`:
    the keys that answer, said before the actions)."""
    parts = list(first or ())
    for action in offered.actions:
        keys = offered.keys(action)
        shown = keys[:-1] if offered.in_list and len(keys) > 1 else keys  # lists: the easy ones
        parts.append(f"{' '.join(KEY_NAMES[key] for key in shown)} {t(ACTION_WORDS[action], lang)}")
    # a key and what it does stay together when the line wraps (no-break spaces)
    return " · ".join(part.replace(" ", "\u00a0") for part in parts)
