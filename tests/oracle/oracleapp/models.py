from django.db import models


class MyModel(models.Model):
    """The model the deck's questions use: `MyModel.objects.filter(active=True)`."""

    name = models.CharField(max_length=50)
    active = models.BooleanField(default=True)

    class Meta:
        app_label = "oracleapp"
