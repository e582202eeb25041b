"""`{% keep "part" %}…{% endkeep %}`: a part of the page kept ready between views (`cohesio.core.kept`).

On a page rendered with `render_kept` the part is sent as kept, or rendered (with the CSRF token as a
placeholder) and kept; on any other page the tag renders what it holds, as if it were not there.
"""

from django import template

from cohesio.core.kept import CSRF_PLACEHOLDER, KeptParts

register = template.Library()


class KeepNode(template.Node):
    def __init__(self, part: str, nodelist):
        self.part, self.nodelist = part, nodelist

    def render(self, context) -> str:
        kept = context.get("kept")
        if not isinstance(kept, KeptParts):
            return self.nodelist.render(context)
        html = kept.get(self.part)
        if html is None:
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                html = self.nodelist.render(context)
            kept.keep(self.part, html)
        return kept.sent(html)


@register.tag
def keep(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% keep \"part\" %} takes the part's name in quotes")
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(bits[1][1:-1], nodelist)
