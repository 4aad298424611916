"""The admin index's "needs attention" summary."""

from django import template

from matching.admin.selectors import AttentionItem
from matching.admin.selectors import attention_summary as _attention_summary

register = template.Library()


@register.simple_tag
def attention_summary() -> list[AttentionItem]:
    return _attention_summary()
