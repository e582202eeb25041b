"""Co-creation of the plan with partners: comments, mentions, proposals, endorsements, the status workflow."""
