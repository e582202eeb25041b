from cohesio.plans.admin_site import register_plan_owned

from .models import AnalysisIndicator, Area, Factor, Observation, Source

register_plan_owned(Area, Source, Factor, AnalysisIndicator, Observation)
