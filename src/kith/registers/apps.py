from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "kith.registers"
    label = "registers"
    verbose_name = "Private fostering, children missing education and home education registers"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.people.panels import register_panel
        from kith.registers import events, queries

        register_panel("registers/_on_record.html", queries.on_record, order=70)
