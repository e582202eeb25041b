from cohesio.plans.admin_site import register_plan_owned

from .models import CommunityGroup, Organisation, Partner, Tie

register_plan_owned(Organisation, Partner, CommunityGroup, Tie)
