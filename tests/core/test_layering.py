"""The rooms of programs/ import only the rooms below them, and only their public names.

core is the ground floor; helplines (the one table of helplines) stands on core, and
every other room may use it; levels stands on core; questionnaire on levels; directory and
intake on questionnaire (and so on levels and core), side by side, never on each other.
Read from the source with `ast`, so imports inside functions count as much as those at
the top, and nothing has to be imported to be checked.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).resolve().parents[2] / "programs"

# Each room and the rooms it may import (besides itself).
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset(),
    # The one table of helplines: every room's texts may name a line by its token.
    "helplines": frozenset({"core"}),
    "levels": frozenset({"core", "helplines"}),
    "questionnaire": frozenset({"core", "helplines", "levels"}),
    "directory": frozenset({"core", "helplines", "levels", "questionnaire"}),
    "intake": frozenset({"core", "helplines", "levels", "questionnaire"}),
}
ROOMS = frozenset(ALLOWED)
# A package whose modules must use only each other's public names, as other rooms do.
SEALED_PACKAGES = ("programs.directory.importers",)
# Underscore names that are public API all the same (Django's model options).
PUBLIC_UNDERSCORED = frozenset({"_meta"})


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "programs.intake.services"
    line: int
    target: str  # the module imported from, e.g. "programs.questionnaire.models"
    name: str = ""  # the name taken from it ("" for `import target`)


def module_name(path: Path) -> str:
    parts = path.relative_to(PROGRAMS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def room_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "programs" and parts[1] in ROOMS else None


def resolve(module: str, package: bool, level: int, target: str | None) -> str:
    """The absolute module a (possibly relative) `from … import` reads from."""
    if not level:
        return target or ""
    base = module.split(".")
    if not package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_in(source: str, module: str, package: bool = False) -> list[Import]:
    """Every import of a programs module in ``source``, with the names taken from it."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "programs" or alias.name.startswith("programs."):
                    found.append(Import(module, node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom):
            target = resolve(module, package, node.level, node.module)
            if not (target == "programs" or target.startswith("programs.")):
                continue
            for alias in node.names:
                found.append(Import(module, node.lineno, target, alias.name))
                # `from programs import levels` imports the room's package itself.
                if target == "programs" or not alias.name.startswith("_"):
                    found.append(Import(module, node.lineno, f"{target}.{alias.name}"))
    return found


def private_attributes_in(source: str, module: str, package: bool = False) -> list[Import]:
    """`alias._name` where ``alias`` is a programs module imported here (e.g. caching._bump)."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = resolve(module, package, node.level, node.module)
            if target == "programs" or target.startswith("programs."):
                for alias in node.names:
                    aliases[alias.asname or alias.name] = f"{target}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("programs.") and alias.asname:
                    aliases[alias.asname] = alias.name
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.attr not in PUBLIC_UNDERSCORED
        ):
            found.append(Import(module, node.lineno, aliases[node.value.id], node.attr))
    return found


def sources() -> list[tuple[Path, str, bool]]:
    found = []
    for path in sorted(PROGRAMS.rglob("*.py")):
        if "migrations" in path.relative_to(PROGRAMS).parts:
            continue
        found.append((path, module_name(path), is_package(path)))
    return found


def all_imports() -> list[Import]:
    found = []
    for path, module, package in sources():
        found += imports_in(path.read_text(encoding="utf-8"), module, package)
    return found


def all_private_attributes() -> list[Import]:
    found = []
    for path, module, package in sources():
        found += private_attributes_in(path.read_text(encoding="utf-8"), module, package)
    return found


def in_room(imports: list[Import]) -> list[Import]:
    return [i for i in imports if room_of(i.module) is not None]


def crosses_layers(i: Import) -> bool:
    room, target = room_of(i.module), room_of(i.target)
    return (
        room is not None
        and target is not None
        and target != room
        and (target not in ALLOWED[room])
    )


def takes_private_name(i: Import) -> bool:
    """A `_name` taken from another room's module, or from a sibling in a sealed package."""
    if not i.name.startswith("_") or i.name.startswith("__") or i.target == i.module:
        return False
    if room_of(i.target) is None:
        return False  # programs.apps and the like: not a room's module
    if room_of(i.module) != room_of(i.target):
        return True
    return any(
        i.module.startswith(f"{package}.") and i.target.startswith(f"{package}.")
        for package in SEALED_PACKAGES
    )


def reads_the_models_package(i: Import) -> bool:
    return (
        i.target == "programs.models"
        or i.target.startswith("programs.models.")
        or (i.target == "programs" and i.name == "models")
    )


def show(found: list[Import]) -> str:
    return "\n".join(
        f"{i.module} line {i.line}: {i.target}{f' → {i.name}' if i.name else ''}" for i in found
    )


# --- The checks on programs/ ------------------------------------------------------


def test_every_room_is_there_and_has_modules():
    modules = {room_of(module) for _path, module, _package in sources()}
    assert modules >= ROOMS


@pytest.mark.parametrize("room", sorted(ROOMS))
def test_a_room_imports_only_the_rooms_below_it(room):
    wrong = [i for i in all_imports() if room_of(i.module) == room and crosses_layers(i)]
    allowed = ", ".join(sorted(ALLOWED[room])) or "no other room"
    assert not wrong, f"{room} may import {allowed} only:\n{show(wrong)}"


def test_intake_and_directory_do_not_import_each_other():
    pairs = {("intake", "directory"), ("directory", "intake")}
    wrong = [i for i in all_imports() if (room_of(i.module), room_of(i.target)) in pairs]
    assert not wrong, show(wrong)


def test_no_module_takes_another_rooms_private_names():
    wrong = [i for i in all_imports() + all_private_attributes() if takes_private_name(i)]
    assert not wrong, f"Use (or make) a public name instead:\n{show(wrong)}"


def test_rooms_import_the_owning_module_not_the_models_package():
    wrong = [i for i in in_room(all_imports()) if reads_the_models_package(i)]
    assert not wrong, f"Import from programs.<room>.models instead:\n{show(wrong)}"


# --- The checker itself, on made-up modules ---------------------------------------


def test_the_checker_sees_imports_inside_functions_and_relative_ones():
    source = (
        "def f():\n"
        "    from programs.intake.services import queue_summary\n"
        "from ..levels import models\n"
        "import programs.directory.views\n"
    )
    found = imports_in(source, "programs.core.caching")
    assert {i.target for i in found} >= {
        "programs.intake.services",
        "programs.levels.models",
        "programs.directory.views",
    }
    assert all(crosses_layers(i) for i in found)


def test_the_checker_catches_a_room_reaching_down_and_sideways():
    down = imports_in("from programs.questionnaire.models import Response", "programs.levels.x")
    sideways = imports_in("from programs.directory import models", "programs.intake.x")
    assert any(crosses_layers(i) for i in down)
    assert any(crosses_layers(i) for i in sideways)
    fine = imports_in("from programs.levels.models import TreatmentLevel", "programs.intake.x")
    assert not any(crosses_layers(i) for i in fine)


def test_the_checker_catches_private_names():
    other_room = imports_in("from programs.core.caching import _bump", "programs.directory.x")
    same_room = imports_in("from programs.intake.audit import _codes", "programs.intake.y")
    sibling = imports_in(
        "from programs.directory.importers.cleaning import _key",
        "programs.directory.importers.reading",
    )
    attribute = private_attributes_in(
        "from programs.core import caching\ncaching._bump()", "programs.levels.x"
    )
    assert any(takes_private_name(i) for i in other_room)
    assert not any(takes_private_name(i) for i in same_room)
    assert any(takes_private_name(i) for i in sibling)
    assert any(takes_private_name(i) for i in attribute)


def test_the_checker_catches_the_models_package():
    for source in ("from programs.models import Response", "from programs import models"):
        assert any(reads_the_models_package(i) for i in imports_in(source, "programs.intake.x"))
