"""The admin index's "needs attention" summary."""

from django import template

from marketplace.admin_selectors import AttentionItem
from marketplace.admin_selectors import attention_summary as _attention_summary

register = template.Library()


@register.simple_tag
def attention_summary() -> list[AttentionItem]:
    return _attention_summary()
