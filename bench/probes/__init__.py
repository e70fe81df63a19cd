"""Scenarios that must run in a process of their own (start-up, memory, whole commands)."""
