"""The readiness profile: scores, levels, advice, and whom to approach."""
