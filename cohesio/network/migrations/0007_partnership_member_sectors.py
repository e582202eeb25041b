"""Format 1.2: a partnership of several sectors, and the sectors it brings together (only a partnership has them)."""

import cohesio.plans.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_invitation_name'),
        ('network', '0006_source_ref'),
        ('plans', '0007_decision_outcome_budget_period_currency'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='organisation',
            name='organisation_sector_valid',
        ),
        migrations.AddField(
            model_name='organisation',
            name='member_sectors',
            field=models.JSONField(blank=True, default=list, validators=[cohesio.plans.models.CodeListValidator('PERSON_SECTORS')], verbose_name='sectors it brings together'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='sector',
            field=models.CharField(choices=[('local_government', 'Local government'), ('education', 'Education'), ('police', 'Police'), ('mental_health', 'Mental health and care'), ('social_services', 'Social services'), ('youth_work', 'Youth work'), ('civil_society', 'Civil society'), ('community', 'Community'), ('probation', 'Probation and justice'), ('partnership', 'Partnership of several sectors'), ('other', 'Other')], max_length=30, verbose_name='sector'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(('sector__in', ['local_government', 'education', 'police', 'mental_health', 'social_services', 'youth_work', 'civil_society', 'community', 'probation', 'partnership', 'other'])), name='organisation_sector_valid'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(('sector', 'partnership'), ('member_sectors', []), _connector='OR'), name='organisation_members_of_partnership'),
        ),
    ]
