from cohesio.plans.admin_site import register_plan_owned

from .models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory

register_plan_owned(InformationType, SharingRule, Agreement, Signatory, SharingEvaluation)
