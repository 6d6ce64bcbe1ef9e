from django.apps import AppConfig


class OracleAppConfig(AppConfig):
    name = "oracleapp"
    default_auto_field = "django.db.models.AutoField"
