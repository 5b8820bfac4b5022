"""Screens: which widgets go where, fed by metrics. No HTTP, no GPIO, no clock (`now` comes in)."""
