"""Whom to approach: the organisations data (`data`, checked on load against `model` and
`checks`) and the rules that route a firm to its entries (`recommendations.route`).

Kept apart from the profile: routing reads the answers and the dimensions' bands, and the
profile knows nothing of organisations.
"""
