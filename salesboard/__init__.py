"""salesboard: a wall board for a sales office.

This package holds the domain (model, config, periods, metrics, formatting, errors), which every
other room may import and which imports no other room, and the wiring (app, cli), which nothing
imports.
"""

__version__ = "0.1.0"
