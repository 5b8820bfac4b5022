"""Buttons, lights, sound, TV power; each with a no-hardware stand-in. Callbacks out, nothing in."""
