"""Celery tasks for webhooks: ids in, one service call, safe to run twice."""

from celery import shared_task


@shared_task(name="webhooks.deliver", acks_late=True)
def webhook_deliver_task(*, delivery_id: int) -> None:
    from webhooks.services import delivery_attempt

    delivery_attempt(delivery_id=delivery_id)


@shared_task(name="webhooks.deliver_due")
def webhook_deliver_due_task() -> int:
    from webhooks.services import due_deliveries_enqueue

    return due_deliveries_enqueue()
