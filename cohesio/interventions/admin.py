from cohesio.plans.admin_site import register_plan_owned

from .models import Intervention, Measurement, MonitoringIndicator

register_plan_owned(Intervention, MonitoringIndicator, Measurement)
