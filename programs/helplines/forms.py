"""Admin forms that refuse helpline tokens the table cannot fill."""

from __future__ import annotations

from django import forms

from programs.helplines.tokens import PARTS, unknown_tokens


def token_problem(value: object) -> str | None:
    """A message naming the unknown tokens in ``value``, or None."""
    unknown = unknown_tokens(value) if isinstance(value, str) else []
    if not unknown:
        return None
    return (
        f"Unknown helpline token {', '.join(unknown)}. Write [[key]] or [[key.part]] with a "
        f"key from the Helplines table and a part it has ({', '.join(PARTS)})."
    )


class TokenCheckedModelForm(forms.ModelForm):
    """A ModelForm whose text fields may hold ``[[key]]`` tokens, and only known ones."""

    def clean(self) -> dict | None:
        cleaned = super().clean()
        for name, value in list((cleaned or {}).items()):
            if problem := token_problem(value):
                self.add_error(name, problem)
        return cleaned
