"""The whole plan as one open-format document: assembled from each element app's own `document.py`, in order.

This package sits above the element apps (plans, analysis, network, sharing, interventions) and below the
pages that gather everything (review, co-creation, exports). It is the one place that knows all of them.
"""
