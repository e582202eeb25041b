"""Format 1.2: a decision's outcome, kind and reservation; the plan's currency; a budget line's currency and period.

A budget line's `year` becomes its period: `year_from` and `year_to` both that year (a line without a year stays
without a period), copied before `year` is removed; every stored line is in euros, the only currency there was.
"""

import cohesio.plans.fields
import django.core.validators
from django.db import migrations, models


def year_into_period(apps, schema_editor):
    """A line for one year is for the period from that year to that year."""
    BudgetLine = apps.get_model("plans", "BudgetLine")
    BudgetLine.objects.filter(year__isnull=False).update(year_from=models.F("year"), year_to=models.F("year"))


def period_into_year(apps, schema_editor):
    """Back: a line for one year keeps it; a longer or open period had no year."""
    BudgetLine = apps.get_model("plans", "BudgetLine")
    BudgetLine.objects.filter(year_from=models.F("year_to")).update(year=models.F("year_from"))


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_invitation_name'),
        ('plans', '0006_source_ref'),
    ]

    operations = [
        migrations.AddField(
            model_name='budgetline',
            name='currency',
            field=models.CharField(default='EUR', max_length=3, validators=[django.core.validators.RegexValidator('^[A-Z]{3}$', 'Give the currency as its three-letter code in capitals, such as EUR, GBP or SEK.', code='invalid_currency')], verbose_name='currency'),
        ),
        migrations.AddField(
            model_name='budgetline',
            name='year_from',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='first year'),
        ),
        migrations.AddField(
            model_name='budgetline',
            name='year_to',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='last year'),
        ),
        migrations.RunPython(year_into_period, period_into_year),
        migrations.RemoveField(
            model_name='budgetline',
            name='year',
        ),
        migrations.AddField(
            model_name='decision',
            name='kind',
            field=models.CharField(blank=True, choices=[('council', 'Council decision'), ('executive', 'Decision of the mayor and aldermen / executive'), ('committee', 'Committee advice'), ('other', 'Other')], max_length=20, verbose_name='who decided'),
        ),
        migrations.AddField(
            model_name='decision',
            name='outcome',
            field=models.CharField(blank=True, choices=[('recommended', 'Recommended'), ('approved', 'Approved'), ('approved_with_reservation', 'Approved with a reservation'), ('rejected', 'Rejected')], max_length=30, verbose_name='outcome'),
        ),
        migrations.AddField(
            model_name='decision',
            name='reservation',
            field=cohesio.plans.fields.PlanTextField(blank=True, max_length=20000, verbose_name='the reservation'),
        ),
        migrations.AddField(
            model_name='historicalplan',
            name='currency',
            field=models.CharField(default='EUR', help_text='The currency of the intervention budgets, and of new budget lines.', max_length=3, validators=[django.core.validators.RegexValidator('^[A-Z]{3}$', 'Give the currency as its three-letter code in capitals, such as EUR, GBP or SEK.', code='invalid_currency')], verbose_name='currency'),
        ),
        migrations.AddField(
            model_name='plan',
            name='currency',
            field=models.CharField(default='EUR', help_text='The currency of the intervention budgets, and of new budget lines.', max_length=3, validators=[django.core.validators.RegexValidator('^[A-Z]{3}$', 'Give the currency as its three-letter code in capitals, such as EUR, GBP or SEK.', code='invalid_currency')], verbose_name='currency'),
        ),
        migrations.AddConstraint(
            model_name='budgetline',
            constraint=models.CheckConstraint(condition=models.Q(('currency__regex', '^[A-Z]{3}$')), name='budget_line_currency_valid'),
        ),
        migrations.AddConstraint(
            model_name='budgetline',
            constraint=models.CheckConstraint(condition=models.Q(('year_from__isnull', True), ('year_to__isnull', True), ('year_to__gte', models.F('year_from')), _connector='OR'), name='budget_line_years_in_order'),
        ),
        migrations.AddConstraint(
            model_name='decision',
            constraint=models.CheckConstraint(condition=models.Q(('outcome', ''), ('outcome__in', ['recommended', 'approved', 'approved_with_reservation', 'rejected']), _connector='OR'), name='decision_outcome_valid'),
        ),
        migrations.AddConstraint(
            model_name='decision',
            constraint=models.CheckConstraint(condition=models.Q(('kind', ''), ('kind__in', ['council', 'executive', 'committee', 'other']), _connector='OR'), name='decision_kind_valid'),
        ),
        migrations.AddConstraint(
            model_name='plan',
            constraint=models.CheckConstraint(condition=models.Q(('currency__regex', '^[A-Z]{3}$')), name='plan_currency_valid'),
        ),
    ]
