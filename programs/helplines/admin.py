"""Admin for the helpline table: content editors correct a number in both languages."""

from django.contrib import admin

from programs.helplines.models import Helpline


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "text_display", "last_verified"]
    list_display_links = ["name"]
    ordering = ["order", "key"]
    search_fields = ["key", "name", "name_es", "phone"]
    fieldsets = [
        (
            None,
            {
                "description": "Every page shows these numbers (the crisis bar is on all of "
                "them): a saved change shows everywhere at once. Texts name a line as "
                "[[key]] (the number) or [[key.tty]], [[key.text]], [[key.code]], "
                "[[key.chat]], [[key.name]].",
                "fields": ["key", "name", "order"],
            },
        ),
        (
            "Numbers",
            {
                "fields": [
                    ("phone", "phone_words"),
                    "phone_option",
                    "tty",
                    ("text_number", "text_code"),
                    "chat",
                ]
            },
        ),
        ("About the line", {"fields": ["hours", "languages", "notes"]}),
        ("Where the facts come from", {"fields": ["source", "last_verified"]}),
        (
            "Spanish",
            {
                "description": "Shown on the Spanish pages (/es/). An empty field shows "
                "the English text there instead.",
                "fields": ["name_es", "phone_option_es", "hours_es", "languages_es", "notes_es"],
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Texts across the site name a line by its key: set once, when it is added.
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "key"] if obj is not None else readonly

    @admin.display(description="Text")
    def text_display(self, obj: Helpline) -> str:
        if obj.text_code:
            return f"{obj.text_code} to {obj.text_number}"
        return obj.text_number
